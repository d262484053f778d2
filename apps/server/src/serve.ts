/**
 * Listening and graceful shutdown, kept apart from `createApp` so tests can start and stop a real server
 * on a loopback port exactly as production does.
 *
 * Shutdown: stop accepting runs (new ones get 503 and `Connection: close`), stop listening, let runs in
 * flight finish and their answers go out, close idle keep-alive connections, then stop the workers. Past
 * `shutdownTimeoutMs` the remaining connections are cut.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp, type CreateAppOptions, type PyheapApp } from "./app.js";
import type { Config } from "./config.js";

/** A listening server and how to stop it. */
export interface RunningServer {
  server: Server;
  pyheap: PyheapApp;
  /** The bound address (useful with PORT=0). */
  url: string;
  /** Graceful shutdown; resolves true when everything finished in time. */
  shutdown(): Promise<boolean>;
}

/** Creates the app and listens on `config.host:config.port`. */
export async function serve(config: Config, options: CreateAppOptions = {}): Promise<RunningServer> {
  const pyheap = createApp(config, options);
  const server = pyheap.app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  pyheap.logger.info({ url, workers: config.workers }, "listening");

  let shuttingDown: Promise<boolean> | undefined;
  const shutdown = (): Promise<boolean> => {
    shuttingDown ??= (async () => {
      pyheap.drain();
      pyheap.logger.info({ pending: pyheap.pool.pending }, "shutting down: finishing runs in flight");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), config.shutdownTimeoutMs);
      });
      const finished = await Promise.race([closed.then(() => true), timedOut]);
      clearInterval(idleSweep);
      clearTimeout(timer);
      if (!finished) server.closeAllConnections();
      await (finished ? pyheap.close() : pyheap.pool.destroy());
      pyheap.logger.info({ clean: finished }, "stopped");
      return finished;
    })();
    return shuttingDown;
  };
  return { server, pyheap, url, shutdown };
}
