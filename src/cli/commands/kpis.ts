import type { Command } from 'commander';
import { kpiReportTable } from '../../modules/reports/index.ts';
import {
  computeKpis,
  describeKpi,
  KPI_DEFINITIONS,
  type KpiKey,
  type TKpisDto,
  type TKpiTrendMonth,
  ZKpisQuery,
} from '../../modules/reports/kpis/index.ts';
import { EXPORT_OPTIONS, type ExportFlags, writeExportFiles } from '../export-files.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

type Row = { key: KpiKey; value: string; label?: string };

const none = 'n/a';
const days = (v: number | null) => (v === null ? none : `${v.toFixed(1)} d`);
const pct = (v: number | null) => (v === null ? none : `${v.toFixed(1)}%`);
const times = (v: number | null) => (v === null ? none : `${v.toFixed(2)}x`);

function rowsOf(k: TKpisDto): Row[] {
  const a = k.amounts;
  const x = k.kpis;
  const money = (v: string) => `${v} ${k.base_currency}`;
  return [
    { key: 'receivables', value: money(a.receivables) },
    { key: 'receivables', label: 'AR at begin', value: money(a.receivables_begin) },
    { key: 'current', value: money(a.current) },
    { key: 'credit_sales', value: money(a.credit_sales) },
    { key: 'dso_standard', value: days(x.dso_standard) },
    { key: 'dso_countback', value: days(x.dso_countback) },
    { key: 'best_possible_dso', value: days(x.best_possible_dso) },
    { key: 'cei_pct', value: pct(x.cei_pct) },
    { key: 'ar_turnover', value: times(x.ar_turnover) },
    { key: 'ar_turnover_annualised', value: times(x.ar_turnover_annualised) },
    { key: 'days_late_weighted', value: days(x.days_late.weighted) },
    { key: 'days_late_simple', value: days(x.days_late.simple) },
    {
      key: 'paid_late_pct',
      value: `${pct(x.days_late.paid_late_pct)} of ${x.days_late.invoices_paid} (${pct(x.days_late.paid_late_amount_pct)} by amount)`,
    },
    { key: 'current_pct', value: pct(x.current_pct) },
    { key: 'at_risk_pct', value: pct(x.at_risk_pct) },
    {
      key: 'dispute_pct',
      value: `${pct(x.dispute.by_count_pct)} (${x.dispute.disputed_invoices}/${x.dispute.invoices_issued}; ${pct(x.dispute.by_amount_pct)} by amount)`,
    },
    {
      key: 'promise_kept_pct',
      value:
        x.promise_kept.kept_pct === null
          ? `${none} (${x.promise_kept.reason})`
          : pct(x.promise_kept.kept_pct),
    },
  ];
}

function printKpis(io: Io, k: TKpisDto): void {
  io.out(
    `KPIs as of ${k.as_of} in ${k.base_currency}; P = ${k.period.from} to ${k.period.to} (${k.period.days} days)`,
  );
  io.out('');
  for (const line of renderTable<Row>(
    [
      { header: 'KPI', value: (r) => r.label ?? KPI_DEFINITIONS[r.key].label },
      { header: 'VALUE', value: (r) => r.value, align: 'right' },
      {
        header: 'DEFINITION',
        value: (r) => (r.label ? 'AR on the day before P' : KPI_DEFINITIONS[r.key].formula),
      },
    ],
    rowsOf(k),
  ))
    io.out(line);
  io.out('');
  io.out('Monthly trend (AR at month end; the last month ends at as-of):');
  for (const line of renderTable<TKpiTrendMonth>(
    [
      { header: 'MONTH', value: (m) => m.month },
      { header: 'AR', value: (m) => m.receivables, align: 'right' },
      { header: 'CURRENT', value: (m) => m.current, align: 'right' },
      { header: '90+', value: (m) => m.over_90, align: 'right' },
      { header: 'SALES', value: (m) => m.credit_sales, align: 'right' },
      { header: 'DSO', value: (m) => days(m.dso_standard), align: 'right' },
      { header: 'COUNTBACK', value: (m) => days(m.dso_countback), align: 'right' },
      { header: 'CEI', value: (m) => pct(m.cei_pct), align: 'right' },
      { header: 'CURRENT%', value: (m) => pct(m.current_pct), align: 'right' },
      { header: 'AT RISK', value: (m) => pct(m.at_risk_pct), align: 'right' },
    ],
    k.trend,
  ))
    io.out(line);
}

function definitionsHelp(): string {
  const keys = Object.keys(KPI_DEFINITIONS) as KpiKey[];
  const lines = keys.map((key) => `  ${KPI_DEFINITIONS[key].label}: ${describeKpi(key)}`);
  return [
    '',
    'Amounts are in the base currency, exact as of dates (anything dated later does not count).',
    'P is the trend months together: from the first day of the first month to --as-of.',
    'Percentages have one decimal; n/a where a ratio is undefined (no sales, no AR).',
    '',
    'Definitions:',
    ...lines,
  ].join('\n');
}

export function registerKpis(program: Command, io: Io): void {
  program
    .command('kpis')
    .description(
      'AR KPIs as of a date (DSO, CEI, turnover, days late, current, at risk, disputes) and their monthly trend',
    )
    .option('--as-of <date>', 'as of this date (YYYY-MM-DD; default today in the org time zone)')
    .option(
      '--months <n>',
      'calendar months in the trend and in P, ending with the as-of month (default 12, max 60)',
    )
    .option(...(EXPORT_OPTIONS[0] as [string, string]))
    .option(...(EXPORT_OPTIONS[1] as [string, string]))
    .option(...(EXPORT_OPTIONS[2] as [string, string]))
    .option(...(EXPORT_OPTIONS[3] as [string, string]))
    .addHelpText('after', definitionsHelp())
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ asOf?: string; months?: string; lang?: string } & ExportFlags>();
      const query = parseInput(ZKpisQuery, { as_of: f.asOf, months: f.months });
      const kpis = await withOrg(globalsOf(cmd), async (ctx) => {
        const k = await computeKpis(ctx, { asOf: query.as_of, months: query.months });
        const table = kpiReportTable(k, f.lang === 'zh-CN' ? 'zh-CN' : 'en');
        await writeExportFiles(io, ctx, { name: 'kpis', table, filters: query }, f);
        return k;
      });
      emit(io, kpis, (k) => printKpis(io, k));
    });
}
