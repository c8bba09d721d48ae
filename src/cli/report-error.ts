import { CommanderError } from 'commander';
import { AppError, type ErrorBody, isAppError } from '../shared/errors/index.ts';
import { formatIssue, type ImportIssue } from '../shared/tabular/import-issue.ts';
import type { Io } from './io.ts';
import { UsageError } from './usage-error.ts';

export const EXIT_DOMAIN = 1;
export const EXIT_USAGE = 2;

export type Failure = { exitCode: number; error: AppError; stack?: string };

/** Commander's own exits that are not failures: `--help` and `--version`. */
export function isCleanExit(e: unknown): e is CommanderError {
  return (
    e instanceof CommanderError && (e.code === 'commander.helpDisplayed' || e.code === 'commander.version')
  );
}

function isDataException(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Sorts any thrown value into the one error shape and the exit code: 2 for usage, 1 for the rest. */
export function failureOf(e: unknown): Failure {
  if (e instanceof UsageError) return { exitCode: EXIT_USAGE, error: e };
  if (isAppError(e)) return { exitCode: EXIT_DOMAIN, error: e };
  if (e instanceof CommanderError) {
    // 'commander.help': a command group without its subcommand; commander has shown the help.
    const message =
      e.code === 'commander.help'
        ? 'a subcommand is required (see --help)'
        : e.message.replace(/^error:\s*/, '');
    return { exitCode: EXIT_USAGE, error: new UsageError(message, { reason: e.code }) };
  }
  if (isDataException(e)) {
    // SQLSTATE class 22: a value the database cannot hold, e.g. an amount beyond bigint.
    const error = new AppError('VALIDATION_FAILED', { message: 'a value is out of range or malformed' });
    return { exitCode: EXIT_DOMAIN, error };
  }
  const message = e instanceof Error ? e.message : String(e);
  const stack = e instanceof Error ? e.stack : undefined;
  return { exitCode: EXIT_DOMAIN, error: new AppError('INTERNAL', { message }), ...(stack ? { stack } : {}) };
}

function importIssuesOf(details: unknown): ImportIssue[] {
  const issues = (details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is ImportIssue =>
      typeof i === 'object' && i !== null && 'file' in i && 'reason' in i && 'line' in i,
  );
}

function argvIssuesOf(details: unknown): string[] {
  const issues = (details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    const v = i as { flag?: unknown; message?: unknown };
    return typeof v.flag === 'string' && typeof v.message === 'string' ? [`${v.flag}: ${v.message}`] : [];
  });
}

/** Prints the failure (JSON body on stdout, or lines for people on stderr) and returns the exit code. */
export function reportFailure(
  e: unknown,
  io: Io,
  options: { isDebug: boolean; isAlreadyShown?: boolean },
): number {
  const failure = failureOf(e);
  const body: ErrorBody = failure.error.toBody();
  if (options.isDebug && failure.stack) io.err(failure.stack);
  if (io.isJson) {
    io.json(body);
    return failure.exitCode;
  }
  if (options.isAlreadyShown) return failure.exitCode;
  const { code, message, details } = body.error;
  const imported = importIssuesOf(details);
  for (const issue of imported) io.err(formatIssue(issue));
  const total = (details as { issue_count?: unknown } | null)?.issue_count;
  if (typeof total === 'number' && total > imported.length) {
    io.err(`... and ${total - imported.length} more problem(s) not shown`);
  }
  const argv = argvIssuesOf(details);
  io.err(`error: ${message}${code === 'INTERNAL' || code === 'VALIDATION_FAILED' ? '' : ` [${code}]`}`);
  for (const line of argv.slice(1)) io.err(`  ${line}`);
  if (code === 'INTERNAL' && !options.isDebug) io.err('  (set SETTLE_DEBUG=1 for the stack trace)');
  return failure.exitCode;
}
