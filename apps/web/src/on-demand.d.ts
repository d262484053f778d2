/** bytes-impl.ts as the page's on-demand chunk (bundleBytesImplCode in bundler/interpreter.ts). */
declare module "pyheap:bytes-impl";
