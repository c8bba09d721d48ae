import type { Command } from 'commander';

/** The options every command accepts, wherever they appear on the command line. */
export type GlobalOptions = { dataDir?: string; org?: string; isJson: boolean };

export function globalsOf(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<{ dataDir?: string; org?: string; json?: boolean }>();
  return { dataDir: o.dataDir, org: o.org, isJson: o.json === true };
}

/** Known before commander parses anything, so even its own usage errors can be answered in JSON. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}
