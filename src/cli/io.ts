/**
 * Where a command writes. With `--json` stdout carries exactly one JSON document (the DTO or the
 * error body); everything meant for people (progress, notes) goes to stderr so pipes stay clean.
 */
export type Io = {
  readonly isJson: boolean;
  /** A line for people on stdout (tables, summaries); never called in JSON mode by commands. */
  out(text: string): void;
  /** A line on stderr: progress, notes, human error messages. */
  err(text: string): void;
  /** The one JSON document of the command. */
  json(value: unknown): void;
};

export function processIo(isJson: boolean): Io {
  return {
    isJson,
    out: (text) => {
      process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      process.stderr.write(`${text}\n`);
    },
    json: (value) => {
      process.stdout.write(`${toJson(value)}\n`);
    },
  };
}

/**
 * One line per document, so a supervisor can read `serve`'s line and `jq` can pretty-print the rest.
 * DTOs carry amounts as decimal strings already; a stray bigint is written as a string, not a crash.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Prints the DTO as JSON, or lets the command render it for people. */
export function emit<T>(io: Io, value: T, human: (value: T) => void): void {
  if (io.isJson) io.json(value);
  else human(value);
}
