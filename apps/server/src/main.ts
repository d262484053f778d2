/**
 * The server process: configuration from the environment, listen, and shut down gracefully on SIGTERM
 * or SIGINT. A bad configuration stops start-up with one line on stderr and exit status 1.
 */
import { ConfigError, loadConfig } from "./config.js";
import { serve } from "./serve.js";

async function main(): Promise<number | undefined> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`pyheap-server: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const running = await serve(config);
  const stop = (signal: string) => {
    running.pyheap.logger.info({ signal }, "signal received");
    void running.shutdown().then((clean) => process.exit(clean ? 0 : 1));
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`pyheap-server: could not start: ${message}\n`);
    process.exit(1);
  },
);
