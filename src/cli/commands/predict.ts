import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  type EvaluationReport,
  evaluatePaymentModel,
  predictOpenInvoices,
  type Scores,
  type TPredictionsDto,
  ZPredictionsQuery,
} from '../../modules/forecast/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput, UsageError } from '../usage-error.ts';

const EVALUATE_HELP = `
Prints {split, model, model_without_dispute_flag, baselines: {customer_mean, global_mean,
customer_mean_online}, rows, selection, notes}; each of model and the baselines has
{mae_days_to_settle, mae_days_late, accuracy_late, auc_late}. The oldest 80% of invoices by
InvoiceDate train, the newest 20% test; DaysToSettle and DaysLate are never read. Rows with a
blank or invalid field are skipped and counted, with their line numbers.`;

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e);
    throw new UsageError(`cannot read ${path}: ${reason}`, {
      issues: [{ in: 'argv', path: 'file', flag: 'FILE', message: reason }],
    });
  }
}

function printEvaluation(io: Io, r: EvaluationReport): void {
  const s = r.split;
  io.out(`Rows: ${r.rows.read} read, ${r.rows.used} used, ${r.rows.skipped} skipped`);
  for (const [column, n] of Object.entries(r.rows.skipped_by_column)) io.out(`  ${n} skipped: ${column}`);
  io.out(`Train: ${s.train} invoices ${s.train_invoice_dates.from}..${s.train_invoice_dates.to}`);
  io.out(`Test:  ${s.test} invoices ${s.test_invoice_dates.from}..${s.test_invoice_dates.to}`);
  io.out('');
  const rows: [string, Scores][] = [
    ['model', r.model],
    ['model without dispute flag', r.model_without_dispute_flag],
    ['customer mean', r.baselines.customer_mean],
    ['customer mean (online)', r.baselines.customer_mean_online],
    ['global mean', r.baselines.global_mean],
  ];
  const fixed = (x: number) => x.toFixed(3);
  for (const line of renderTable<[string, Scores]>(
    [
      { header: 'PREDICTOR', value: ([n]) => n },
      { header: 'MAE DAYS TO SETTLE', value: ([, m]) => fixed(m.mae_days_to_settle), align: 'right' },
      { header: 'MAE DAYS LATE', value: ([, m]) => fixed(m.mae_days_late), align: 'right' },
      { header: 'ACCURACY LATE', value: ([, m]) => fixed(m.accuracy_late), align: 'right' },
      { header: 'AUC LATE', value: ([, m]) => fixed(m.auc_late), align: 'right' },
    ],
    rows,
  )) {
    io.out(line);
  }
  io.out('');
  io.out(`P10-P90 coverage on the test set: ${fixed(r.model.interval_coverage_p10_p90)} (nominal 0.800)`);
  for (const note of r.notes) io.out(`- ${note}`);
}

function printPredictions(io: Io, r: TPredictionsDto): void {
  io.out(`Payment predictions as of ${r.as_of} (model fitted on ${r.trained_on} settled invoices)`);
  type P = TPredictionsDto['predictions'][number];
  for (const line of renderTable<P>(
    [
      { header: 'NUMBER', value: (p) => p.number },
      { header: 'CUSTOMER', value: (p) => p.customer.code },
      { header: 'CUR', value: (p) => p.currency },
      { header: 'OPEN', value: (p) => p.open_amount, align: 'right' },
      { header: 'DUE', value: (p) => p.due_date },
      { header: 'EXPECTED', value: (p) => p.expected_date },
      { header: 'P10', value: (p) => p.p10_date },
      { header: 'P90', value: (p) => p.p90_date },
      { header: 'P(LATE)', value: (p) => p.probability_late.toFixed(2), align: 'right' },
      { header: 'BASIS', value: (p) => p.basis },
    ],
    r.predictions,
  )) {
    io.out(line);
  }
  if (r.open_invoices > r.predictions.length) io.out(`(${r.predictions.length} of ${r.open_invoices} shown)`);
}

export function registerPredict(program: Command, io: Io): void {
  const predict = program.command('predict').description('payment-date predictions');
  predict
    .command('evaluate')
    .description('evaluate the payment model on a CSV in the layout of IBM’s accounts-receivable sample')
    .argument('<file>', 'the CSV file')
    .addHelpText('after', EVALUATE_HELP)
    .action(async (file: string) => {
      const report = evaluatePaymentModel(await readText(file));
      emit(io, report, (r) => printEvaluation(io, r));
    });
  predict
    .command('open')
    .description('expected payment date and P10-P90 range of each open invoice, earliest first')
    .option('--customer <code>', 'only this customer (code or id)')
    .option('--limit <n>', 'at most this many (default 100)')
    .option('--as-of <date>', 'as of this date (YYYY-MM-DD; default today in the org time zone)')
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ customer?: string; limit?: string; asOf?: string }>();
      const q = parseInput(ZPredictionsQuery, { customer: f.customer, limit: f.limit, as_of: f.asOf });
      const result = await withOrg(globalsOf(cmd), (ctx) =>
        predictOpenInvoices(ctx, {
          asOf: q.as_of as BusinessDate | undefined,
          customer: q.customer,
          limit: q.limit,
        }),
      );
      emit(io, result, (r) => printPredictions(io, r));
    });
}
