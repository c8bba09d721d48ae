import type { Command } from 'commander';
import {
  createBankAccount,
  importBankStatementAndMatch,
  listBankAccounts,
  type TBankAccountDto,
  type TBankImportReport,
  ZCreateBankAccountRequest,
  ZImportBankStatementQuery,
} from '../../modules/banking/index.ts';
import type { Ctx } from '../../shared/context/index.ts';
import { globalsOf } from '../global-options.ts';
import { readImportFile } from '../import-file.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

type AddFlags = { name: string; currency: string; iban?: string; number?: string; glAccount?: string };
type ImportFlags = { account?: string; preset?: string; match: boolean };

function printAccounts(io: Io, items: TBankAccountDto[]): void {
  for (const line of renderTable<TBankAccountDto>(
    [
      { header: 'NAME', value: (a) => a.name },
      { header: 'CUR', value: (a) => a.currency },
      { header: 'IBAN / NUMBER', value: (a) => a.iban ?? a.account_number ?? '' },
      { header: 'GL', value: (a) => a.gl_account_code },
      { header: 'ID', value: (a) => a.id },
    ],
    items,
  )) {
    io.out(line);
  }
}

function printImport(io: Io, r: TBankImportReport): void {
  const encoding = r.encoding ? `, ${r.encoding}` : '';
  io.out(
    `${r.file} (${r.format}${encoding}): ${r.statements} statement(s); ${r.transactions} new line(s), ${r.duplicates} already imported`,
  );
  for (const a of r.accounts) {
    const how = {
      identifier: 'found by its number',
      option: 'as chosen',
      created: 'new, from the statement',
    };
    io.out(
      `  ${a.name} (${a.currency}, ${how[a.resolved_by]}): ${a.transactions} new, ${a.duplicates} duplicate(s)`,
    );
  }
  io.out(`money in: ${r.matched} matched, ${r.suggested} suggested, ${r.unmatched} unmatched`);
  for (const w of r.warnings) {
    const where = w.line !== null ? `line ${w.line}` : (w.element ?? 'file');
    io.out(`warning: statement ${w.statement}, ${where}: ${w.message}`);
  }
}

/** Loaded when first needed: the other commands do not pay for the matching engine. */
async function matchAndApply(ctx: Ctx, ids: readonly string[]): Promise<void> {
  const { matchBankTransactions } = await import('../../modules/matching/index.ts');
  await matchBankTransactions(ctx, { ids, apply: true });
}

export function registerBank(program: Command, io: Io): void {
  const bank = program.command('bank').description('bank accounts and statement import (银行对账)');
  const accounts = bank.command('accounts').description("the org's bank accounts");

  accounts
    .command('add')
    .description('add a bank account (its IBAN and number are stored encrypted)')
    .requiredOption('--name <name>', 'a name for the account, unique in the org')
    .requiredOption('--currency <code>', 'its currency (ISO 4217)')
    .option('--iban <iban>', 'its IBAN')
    .option('--number <number>', 'its account number (where there is no IBAN)')
    .option('--gl-account <code>', 'ledger account for its receipts (default 1002 Bank deposits)')
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<AddFlags>();
      const input = parseInput(
        ZCreateBankAccountRequest,
        { name: f.name, currency: f.currency, iban: f.iban, number: f.number, gl_account_code: f.glAccount },
        { gl_account_code: '--gl-account' },
      );
      const account = await withOrg(globalsOf(cmd), (ctx) => createBankAccount(ctx, input));
      emit(io, account, (a) => printAccounts(io, [a]));
    });

  accounts
    .command('list')
    .description('list bank accounts')
    .action(async (_opts: unknown, cmd: Command) => {
      const items = await withOrg(globalsOf(cmd), (ctx) => listBankAccounts(ctx));
      emit(io, { items }, (r) => printAccounts(io, r.items));
    });

  bank
    .command('import')
    .description(
      'import a bank statement (MT940, camt.052/053/054, OFX/QFX, BAI2, CSV/xlsx export); all of it or nothing, lines already imported are skipped',
    )
    .argument('<file>', 'the statement file')
    .option('--account <account>', 'bank account (id, name, IBAN or number) for statements that name none')
    .option('--preset <preset>', 'read the file as this CSV/xlsx bank preset')
    .option('--no-match', 'import only: leave the new lines for a later reconciliation')
    .action(async (path: string, _opts: unknown, cmd: Command) => {
      const f = cmd.opts<ImportFlags>();
      const query = parseInput(ZImportBankStatementQuery, { account: f.account, preset: f.preset });
      const file = await readImportFile(path);
      const report = await withOrg(globalsOf(cmd), (ctx) =>
        importBankStatementAndMatch(
          ctx,
          {
            file,
            account: query.account,
            preset: query.preset,
            onProgress: (p) =>
              io.err(
                p.phase === 'parsed'
                  ? `${file.name}: ${p.lines} line(s) in ${p.statements} statement(s)`
                  : `${file.name}: writing…`,
              ),
          },
          f.match ? matchAndApply : null,
        ),
      );
      emit(io, report, (r) => printImport(io, r));
    });
}
