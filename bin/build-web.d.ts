/** Builds web/ into web/dist unless it is up to date; true when it built. */
export function ensureWebBuild(options?: { quiet?: boolean }): Promise<boolean>;
export function isWebBuildFresh(): boolean;
export function sourceHash(): string;
