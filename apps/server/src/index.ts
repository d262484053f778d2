/** @pyheap/server — the HTTP API as a library: build the app, read the configuration. */
export { createApp, type CreateAppOptions, type PyheapApp } from "./app.js";
export { ConfigError, loadConfig, type Config, type RunLimitsConfig } from "./config.js";
export { buildOpenApi } from "./openapi.js";
export { PROBLEM_KINDS, problemType, type Problem, type ProblemKind } from "./problem.js";
export { serve, type RunningServer } from "./serve.js";
