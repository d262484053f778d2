/** See fingerprint.mjs. */
export declare function functionFingerprint(text: string): string;
