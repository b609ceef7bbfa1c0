/** Path of the CLI bundle, apps/cli/dist/zhizhi.mjs. */
export declare const cliBundle: string;
/** True when the bundle exists and no source is newer. */
export declare function cliBundleFresh(): boolean;
/** Builds the bundle when it is missing or stale (always with `force`); true when it built. */
export declare function buildCliIfStale(options?: { force?: boolean }): Promise<boolean>;
