import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAging } from './commands/aging.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBalance } from './commands/balance.ts';
import { registerBank } from './commands/bank.ts';
import { registerCustomers } from './commands/customers.ts';
import { registerDemo } from './commands/demo.ts';
import { registerForecast } from './commands/forecast.ts';
import { registerInit } from './commands/init.ts';
import { registerInvoices } from './commands/invoices.ts';
import { registerKeys } from './commands/keys.ts';
import { registerKpis } from './commands/kpis.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerPredict } from './commands/predict.ts';
import { registerReceipts } from './commands/receipts.ts';
import { registerReconcile } from './commands/reconcile.ts';
import { registerRoles } from './commands/roles.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { registerStatement } from './commands/statement.ts';
import { registerTokens } from './commands/tokens.ts';
import { registerUsers } from './commands/users.ts';
import { wantsJson } from './global-options.ts';
import { type Io, processIo } from './io.ts';
import { isCleanExit, reportFailure } from './report-error.ts';

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const v = (pkg as { version?: unknown }).version;
  return typeof v === 'string' ? v : '0.0.0';
}

/** The `settle` program. Commands are thin: validate flags with the module's zod schema, call one use case, print. */
export function buildProgram(io: Io): Command {
  const program = new Command('settle')
    .description('Settle: open-source accounts receivable (应收账款管理)')
    .version(version(), '-V, --version')
    .option(
      '--data-dir <dir>',
      'PGlite data folder (default: $SETTLE_DATA_DIR or ./data; DATABASE_URL selects PostgreSQL)',
    )
    .option('--org <slug>', 'organisation to act for (default: the only one); for init and demo, its name')
    .option('--json', 'print one JSON document on stdout (the result, or {error: {code, message, details}})')
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      // In JSON mode the error leaves as a JSON body on stdout instead (see runCli).
      outputError: (s, write) => {
        if (!io.isJson) write(s);
      },
    });
  registerInit(program, io);
  registerMigrate(program, io);
  registerDemo(program, io);
  registerServe(program, io);
  registerStart(program, io);
  registerCustomers(program, io);
  registerInvoices(program, io);
  registerReceipts(program, io);
  registerBank(program, io);
  registerReconcile(program, io);
  registerBalance(program, io);
  registerAging(program, io);
  registerKpis(program, io);
  registerStatement(program, io);
  registerPredict(program, io);
  registerForecast(program, io);
  registerUsers(program, io);
  registerRoles(program, io);
  registerTokens(program, io);
  registerKeys(program, io);
  registerAudit(program, io);
  return program;
}

/** Runs one command line and returns the exit code: 0 ok, 1 domain error, 2 usage error. */
export async function runCli(argv: readonly string[], io: Io = processIo(wantsJson(argv))): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (isCleanExit(e)) return e.exitCode;
    return reportFailure(e, io, {
      isDebug: process.env.SETTLE_DEBUG === '1',
      // Commander has already printed its usage error (or the help) to stderr.
      isAlreadyShown: e instanceof CommanderError,
    });
  }
}
