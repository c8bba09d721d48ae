import type { Command } from 'commander';
import { forecastReceipts, type TForecastDto, ZForecastQuery } from '../../modules/forecast/index.ts';
import { forecastReportTable } from '../../modules/reports/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { EXPORT_OPTIONS, type ExportFlags, writeExportFiles } from '../export-files.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

const FORECAST_HELP = `
With --json prints one document:
  {as_of, base_currency, week_starts_on: "monday", open_amount, overdue_now: {invoices, amount},
   weeks: [{start, end, currency, expected, low, high, cumulative_expected, cumulative_low,
            cumulative_high, by_currency: [{currency, expected, low, high}]}],
   beyond: {currency, expected, by_currency: [{currency, expected}]},
   past: [{start, end, currency, forecast, low, high, actual,
           by_currency: [{currency, forecast, actual}]}],
   promises, trained_on, notes}
Amounts are decimal strings; "currency" is the base currency (by_currency: each invoice currency).
expected is each open amount times its predicted probability of arriving in the week; low and
high are the P10 and P90 of the week's receipts (invoices taken as independent). past compares, for each of the last --past-weeks weeks,
the forecast the model made at the week's start with the receipts dated in the week.`;

function printForecast(io: Io, f: TForecastDto): void {
  io.out(
    `Expected receipts as of ${f.as_of}, in ${f.base_currency} (model fitted on ${f.trained_on} settled invoices)`,
  );
  io.out(
    `Open: ${f.open_amount}; overdue now: ${f.overdue_now.amount} on ${f.overdue_now.invoices} invoices`,
  );
  io.out('');
  type W = TForecastDto['weeks'][number];
  for (const line of renderTable<W>(
    [
      { header: 'WEEK', value: (w) => `${w.start}..${w.end}` },
      { header: 'EXPECTED', value: (w) => w.expected, align: 'right' },
      { header: 'LOW', value: (w) => w.low, align: 'right' },
      { header: 'HIGH', value: (w) => w.high, align: 'right' },
      { header: 'CUM EXPECTED', value: (w) => w.cumulative_expected, align: 'right' },
      { header: 'CUM LOW', value: (w) => w.cumulative_low, align: 'right' },
      { header: 'CUM HIGH', value: (w) => w.cumulative_high, align: 'right' },
    ],
    f.weeks,
  )) {
    io.out(line);
  }
  io.out(`After ${f.weeks.at(-1)?.end ?? f.as_of}: ${f.beyond.expected} expected`);
  if (f.past.length > 0) {
    io.out('');
    io.out('Past weeks, forecast at the start of each week against receipts dated in it:');
    type P = TForecastDto['past'][number];
    for (const line of renderTable<P>(
      [
        { header: 'WEEK', value: (w) => `${w.start}..${w.end}` },
        { header: 'FORECAST', value: (w) => w.forecast, align: 'right' },
        { header: 'LOW', value: (w) => w.low, align: 'right' },
        { header: 'HIGH', value: (w) => w.high, align: 'right' },
        { header: 'ACTUAL', value: (w) => w.actual, align: 'right' },
      ],
      f.past,
    )) {
      io.out(line);
    }
  }
}

export function registerForecast(program: Command, io: Io): void {
  program
    .command('forecast')
    .description('expected receipts per week with low/high bands, and forecast against actual for past weeks')
    .option('--weeks <n>', 'weeks ahead (1-52, default 13)')
    .option('--past-weeks <n>', 'past weeks to compare forecast with actual (0-26, default 4)')
    .option('--as-of <date>', 'as of this date (YYYY-MM-DD; default today in the org time zone)')
    .option(...(EXPORT_OPTIONS[0] as [string, string]))
    .option(...(EXPORT_OPTIONS[1] as [string, string]))
    .option(...(EXPORT_OPTIONS[2] as [string, string]))
    .option(...(EXPORT_OPTIONS[3] as [string, string]))
    .addHelpText('after', FORECAST_HELP)
    .action(async (_opts: unknown, cmd: Command) => {
      const o = cmd.opts<
        { weeks?: string; pastWeeks?: string; asOf?: string; lang?: string } & ExportFlags
      >();
      const q = parseInput(ZForecastQuery, { weeks: o.weeks, past_weeks: o.pastWeeks, as_of: o.asOf });
      const result = await withOrg(globalsOf(cmd), async (ctx) => {
        const f = await forecastReceipts(ctx, {
          asOf: q.as_of as BusinessDate | undefined,
          weeks: q.weeks,
          pastWeeks: q.past_weeks,
        });
        const table = forecastReportTable(f, o.lang === 'zh-CN' ? 'zh-CN' : 'en');
        await writeExportFiles(io, ctx, { name: 'forecast', table, filters: q }, o);
        return f;
      });
      emit(io, result, (f) => printForecast(io, f));
    });
}
