/** The interpreter's lazy chunk (bundler/lazy.ts), resolved by bundleInterpreter in vite.config.ts. */
declare module "pyheap:lazy";
/** The interpreter's second chunk (bundler/split.ts), resolved by bundleInterpreter in vite.config.ts. */
declare module "pyheap:interpreter-part";
