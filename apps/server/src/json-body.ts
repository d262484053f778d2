/**
 * The run endpoint's JSON body reader. The common request (identity encoding, UTF-8) is read here in a
 * few lines: chunks collected up to the limit, one decode, one `JSON.parse`. Anything else (a
 * `Content-Encoding` such as gzip, a charset other than UTF-8) goes to Express's own `express.json`,
 * which handles those; both end in the same problems (400 invalid JSON, 413 too large, 415 charset).
 *
 * Like `express.json({strict: true})`: only an object or array at the top level, a leading BOM ignored,
 * an empty body read as `{}`.
 */
import express, { type RequestHandler } from "express";
import { HttpProblem } from "./problem.js";

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/** True when the body can be read by the fast path (no content coding, UTF-8 or no charset). */
function plainUtf8(contentType: string | undefined, contentEncoding: string | undefined): boolean {
  if (contentEncoding !== undefined && contentEncoding.trim().toLowerCase() !== "identity") return false;
  const charset = contentType ? CHARSET.exec(contentType)?.[1] : undefined;
  return charset === undefined || charset.toLowerCase() === "utf-8";
}

/** Parses `text` as strict JSON (object or array); throws the 400 problem otherwise. */
export function parseStrictJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = /\S/.exec(body)?.[0];
  if (first === undefined) return {};
  if (first !== "{" && first !== "[") throw new HttpProblem("invalid-json", "The request body could not be parsed as JSON.");
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpProblem("invalid-json", "The request body could not be parsed as JSON.");
  }
}

/** Middleware: sets `req.body` from a JSON request body of at most `limit` bytes. */
export function jsonBody(limit: number): RequestHandler {
  const fallback = express.json({ limit, strict: true, type: () => true });
  const tooLarge = () => new HttpProblem("payload-too-large", "The request body is larger than this server accepts.");
  return (req, res, next) => {
    if (!plainUtf8(req.headers["content-type"], req.headers["content-encoding"])) {
      fallback(req, res, next);
      return;
    }
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) {
      next(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("aborted", onAborted);
      req.off("error", onAborted);
      next(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        req.body = parseStrictJson(Buffer.concat(chunks, size).toString("utf8"));
        settle();
      } catch (err) {
        settle(err);
      }
    };
    const onAborted = () => settle(new HttpProblem("invalid-request", "The request body was incomplete or malformed."));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("aborted", onAborted);
    req.on("error", onAborted);
  };
}
