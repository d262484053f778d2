/**
 * The interpreter runs in browsers (the web component), which have no Node `Buffer`: bytes programs must
 * give python3's output with `globalThis.Buffer` gone. Hashing bytes (dict keys, sets), `in` on bytes,
 * int() of bytes, bytes/bytearray decode, hex and bytearray from a str are the operations that once
 * reached for Buffer.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-no-buffer-");

const PROGRAM = `d = {b"abc": 1, b"": 2, bytes(range(200, 256)): 3}
print(d[b"abc"], d[b""], d[bytes(range(200, 256))], len({b"x", b"x", b"y"}))
print(hash(b"abc") == hash(b"abc"), hash(b"") == hash(b""))
print(b"b" in b"abc", b"bc" in b"abc", b"cb" in b"abc", b"" in b"abc", b"abcd" in b"abc", 98 in b"abc")
print(b"\\x00\\x01" in bytes(range(5)), b"aab" in b"aaab", b"aab" in bytearray(b"aaab"))
print(int(b"123"), int(b"ff", 16), int(b"  -7 "))
print(b"caf\\xc3\\xa9".decode(), bytearray(b"caf\\xc3\\xa9").decode(), b"\\x00\\xff\\x10".hex(), bytes(3).hex())
ba = bytearray("h\\xe9", "utf-8")
print(ba, len(ba), "\\u20ac".encode(), "x".encode("latin-1"))
`;

describe("bytes without Node's Buffer", () => {
  const saved = (globalThis as { Buffer?: unknown }).Buffer;
  beforeAll(() => {
    delete (globalThis as { Buffer?: unknown }).Buffer;
  });
  afterAll(() => {
    (globalThis as { Buffer?: unknown }).Buffer = saved;
  });

  it("prints what python3 prints", () => {
    expectSameAsPython(cpython, "bytes-without-buffer", PROGRAM);
  });
});
