import type { Command } from 'commander';
import {
  agingReportTable,
  computeAging,
  type TAgingReportDto,
  ZAgingQuery,
} from '../../modules/reports/index.ts';
import { EXPORT_OPTIONS, writeExportFiles } from '../export-files.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

type Row = TAgingReportDto['rows'][number];

function printAging(io: Io, r: TAgingReportDto): void {
  io.out(
    `Aging as of ${r.as_of} by ${r.basis === 'due' ? 'due date' : 'invoice date'}${r.by ? `, per ${r.by}` : ''}`,
  );
  io.out('');
  const lines: Row[] = [
    ...r.rows,
    ...(r.by ? r.totals.map((t) => ({ ...t, group: { key: '', label: 'TOTAL' } })) : []),
  ];
  if (lines.length === 0) io.out('No open invoices.');
  else {
    const columns = [
      ...(r.by ? [{ header: r.by.toUpperCase(), value: (l: Row) => l.group?.label ?? '' }] : []),
      { header: 'CUR', value: (l: Row) => l.currency },
      ...r.buckets.map((b, i) => ({
        header: b.label,
        value: (l: Row) => l.buckets[i] ?? '',
        align: 'right' as const,
      })),
      { header: 'TOTAL', value: (l: Row) => l.total, align: 'right' as const },
    ];
    for (const line of renderTable<Row>(columns, lines)) io.out(line);
  }
  for (const u of r.unapplied
    .filter((x) => x.receipts !== '0.00' || x.credit_notes !== '0.00')
    .slice(0, 20)) {
    io.out(
      `Unapplied${u.group ? ` ${u.group.label}` : ''}: cash ${u.receipts} ${u.currency}, credit notes ${u.credit_notes} ${u.currency}`,
    );
  }
  io.out('');
  for (const l of r.reconciliation.lines) {
    io.out(
      `Reconciliation ${l.currency}: open invoices ${l.open_invoices} - unapplied credit notes ${l.unapplied_credit_notes} = ${l.aging_net}; ` +
        `AR control account ${l.ledger_receivable}; difference ${l.difference}`,
    );
  }
  io.out(
    r.reconciliation.is_balanced
      ? 'The aging agrees with the ledger.'
      : 'WARNING: the aging differs from the ledger.',
  );
}

export function registerAging(program: Command, io: Io): void {
  program
    .command('aging')
    .description(
      'open receivables by age as of a date, exactly from the documents (anything dated later is invisible), ' +
        'with a reconciliation line against the AR control account',
    )
    .option('--as-of <date>', 'as of this date (YYYY-MM-DD; default today in the org time zone)')
    .option('--basis <basis>', 'due (days past due; default) or invoice (days since the invoice date)', 'due')
    .option(
      '--buckets <bounds>',
      'bucket bounds: days 30,60,90 (default), weeks 1w,2w, months 1m,3m, quarters 1q',
      '30,60,90',
    )
    .option('--by <dimension>', 'group rows: customer, salesperson, country, currency or tag')
    .option('--customer <code>', 'one customer only (code or id)')
    .option('--currency <code>', 'one currency only')
    .option(...(EXPORT_OPTIONS[0] as [string, string]))
    .option(...(EXPORT_OPTIONS[1] as [string, string]))
    .option(...(EXPORT_OPTIONS[2] as [string, string]))
    .option(...(EXPORT_OPTIONS[3] as [string, string]))
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<{
        asOf?: string;
        basis: string;
        buckets: string;
        by?: string;
        customer?: string;
        currency?: string;
        csv?: string;
        xlsx?: string;
        pdf?: string;
        lang?: string;
      }>();
      const query = parseInput(
        ZAgingQuery,
        {
          as_of: f.asOf,
          basis: f.basis,
          buckets: f.buckets,
          by: f.by,
          customer: f.customer,
          currency: f.currency,
        },
        { as_of: '--as-of' },
      );
      const report = await withOrg(globalsOf(cmd), async (ctx) => {
        const r = await computeAging(ctx, query);
        const table = agingReportTable(r, f.lang === 'zh-CN' ? 'zh-CN' : 'en');
        await writeExportFiles(io, ctx, { name: 'aging', table, filters: query }, f);
        return r;
      });
      emit(io, report, (r) => printAging(io, r));
    });
}
