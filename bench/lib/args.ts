export type OptionSpec = Record<
  string,
  { kind: 'number' | 'string' | 'boolean'; default?: number | string | boolean; help: string }
>;

export type Options<S extends OptionSpec> = {
  [K in keyof S]: S[K]['kind'] extends 'number' ? number : S[K]['kind'] extends 'boolean' ? boolean : string;
};

/** `--name value`, `--name=value` and bare `--flag`; unknown options are an error, not a silent default. */
export function parseArgs<S extends OptionSpec>(usage: string, spec: S, argv: readonly string[]): Options<S> {
  const out: Record<string, number | string | boolean> = {};
  for (const [key, o] of Object.entries(spec)) out[key] = o.default ?? (o.kind === 'boolean' ? false : '');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      console.log(helpText(usage, spec));
      process.exit(0);
    }
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    const o = m ? spec[m[1] as string] : undefined;
    if (!m || !o) fail(`unknown option "${arg}"`, usage, spec);
    const key = m[1] as string;
    if (o.kind === 'boolean') {
      out[key] = m[2] === undefined ? true : m[2] !== 'false';
      continue;
    }
    const raw = m[2] ?? argv[++i];
    if (raw === undefined) fail(`option --${key} needs a value`, usage, spec);
    if (o.kind === 'number') {
      const n = Number(raw.replaceAll('_', ''));
      if (!Number.isFinite(n) || n < 0)
        fail(`option --${key} needs a non-negative number, not "${raw}"`, usage, spec);
      out[key] = n;
    } else out[key] = raw;
  }
  return out as Options<S>;
}

function helpText(usage: string, spec: OptionSpec): string {
  const names = Object.entries(spec).map(
    ([key, o]) => `  --${key}${o.kind === 'boolean' ? '' : ` <${o.kind}>`}`,
  );
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = Object.values(spec).map((o, i) => {
    const def = o.default === undefined || o.default === false ? '' : ` (default ${String(o.default)})`;
    return (names[i] ?? '').padEnd(width) + o.help + def;
  });
  return `Usage: ${usage}\n\nOptions:\n${lines.join('\n')}`;
}

function fail(message: string, usage: string, spec: OptionSpec): never {
  console.error(`${message}\n\n${helpText(usage, spec)}`);
  process.exit(2);
}
