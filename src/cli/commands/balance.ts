import type { Command } from 'commander';
import { getBalance, type TBalanceDto, ZBalanceQuery } from '../../modules/receivables/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

type Line = TBalanceDto['customers'][number];

function printBalance(io: Io, b: TBalanceDto): void {
  io.out(`Balances as of ${b.as_of} (base currency ${b.base_currency})`);
  io.out('');
  if (b.customers.length === 0) {
    io.out('Nothing owed and no unapplied cash.');
    return;
  }
  // Customer lines, then a total per currency: amounts in different currencies are never summed.
  const totals: Line[] = b.totals.map((t) => ({
    customer: { id: '', code: 'TOTAL', name: '' },
    currency: t.currency,
    receivable: t.receivable,
    unapplied: t.unapplied,
    balance: t.balance,
    base_receivable: '',
    base_unapplied: '',
    base_balance: '',
  }));
  const isMultiCurrency = b.customers.some((c) => c.currency !== b.base_currency);
  for (const line of renderTable<Line>(
    [
      { header: 'CUSTOMER', value: (l) => l.customer.code },
      { header: 'NAME', value: (l) => l.customer.name },
      { header: 'CUR', value: (l) => l.currency },
      { header: 'RECEIVABLE', value: (l) => l.receivable, align: 'right' },
      { header: 'UNAPPLIED', value: (l) => l.unapplied, align: 'right' },
      { header: 'BALANCE', value: (l) => l.balance, align: 'right' },
      ...(isMultiCurrency
        ? [
            {
              header: `BALANCE ${b.base_currency}`,
              value: (l: Line) => l.base_balance,
              align: 'right' as const,
            },
          ]
        : []),
    ],
    [...b.customers, ...totals],
  )) {
    io.out(line);
  }
  if (isMultiCurrency) {
    const t = b.base_totals;
    io.out('');
    io.out(
      `In ${b.base_currency}: receivable ${t.receivable}, unapplied ${t.unapplied}, balance ${t.balance}`,
    );
  }
}

export function registerBalance(program: Command, io: Io): void {
  program
    .command('balance')
    .description('what customers owe (receivable less unapplied cash) as of a date, from the ledger')
    .option('--customer <code>', 'only this customer (code or id)')
    .option('--as-of <date>', 'as of this date (YYYY-MM-DD; default today in the org time zone)')
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ customer?: string; asOf?: string }>();
      const query = parseInput(ZBalanceQuery, { customer: f.customer, as_of: f.asOf });
      const balance = await withOrg(globalsOf(cmd), (ctx) => getBalance(ctx, query));
      emit(io, balance, (b) => printBalance(io, b));
    });
}
