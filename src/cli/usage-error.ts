import type { z } from 'zod';
import { AppError } from '../shared/errors/index.ts';

/**
 * An error in the command line itself (a bad flag value, a missing argument): exit code 2, where a
 * domain refusal exits 1. It is still a VALIDATION_FAILED AppError, so `--json` prints the usual body.
 */
export class UsageError extends AppError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION_FAILED', { message, details });
    this.name = 'UsageError';
  }
}

export type ArgvIssue = { in: 'argv'; path: string; flag: string; message: string };

/** `as_of` -> `--as-of`; a nested path names its top-level flag unless the command maps it. */
function flagOf(path: string, flags: Record<string, string>): string {
  const head = path.split('.')[0] ?? path;
  return flags[path] ?? flags[head] ?? `--${head.replaceAll('_', '-')}`;
}

/** Validates what the flags say against the module's request schema, naming flags in the errors. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  flags: Record<string, string> = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: ArgvIssue[] = result.error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    return { in: 'argv', path, flag: flagOf(path, flags), message: i.message };
  });
  const first = issues[0];
  throw new UsageError(first ? `${first.flag}: ${first.message}` : 'invalid arguments', { issues });
}
