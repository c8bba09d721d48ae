import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePaymentModel, parseArSample } from '../src/modules/forecast/index.ts';
import { sharedDataFile } from './support/shared-data.ts';

const DIR = `${sharedDataFile('ar-datasets')}/`;
const FILE = `${DIR}WA_Fn-UseC_-Accounts-Receivable.csv`;
const DIRTY = `${DIR}WA_Fn-UseC_-Accounts-Receivable_with_missing.csv`;
const hasData = existsSync(FILE);
if (!hasData)
  console.warn(`SKIPPED: the IBM accounts-receivable sample is not at ${FILE} (../shared/data absent)`);

/** Rewrites one column of every data row. */
function rewriteColumn(csv: string, column: string, value: (cell: string, row: number) => string): string {
  const lines = csv.split(/\r?\n/);
  const at = (lines[0] ?? '').split(',').indexOf(column);
  return lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(',');
      cells[at] = value(cells[at] ?? '', i);
      return cells.join(',');
    })
    .join('\n');
}

describe.skipIf(!hasData)('payment model on the IBM accounts-receivable sample', () => {
  const csv = hasData ? readFileSync(FILE, 'utf8') : '';
  const report = hasData ? evaluatePaymentModel(csv) : null;

  it('beats the customer-mean baseline by at least 15% and calls late/on-time right 80% of the time', () => {
    if (!report) return;
    const baseline = report.baselines.customer_mean.mae_days_to_settle;
    expect(baseline).toBeCloseTo(6.68, 1);
    expect(report.baselines.global_mean.mae_days_to_settle).toBeCloseTo(10.21, 1);
    expect(report.model.mae_days_to_settle).toBeLessThanOrEqual(0.85 * baseline);
    expect(report.model.accuracy_late).toBeGreaterThanOrEqual(0.8);
    expect(report.model.auc_late).toBeGreaterThan(report.baselines.customer_mean.auc_late);
    // The stricter variant, without the invoice's own Disputed flag, still beats the baseline.
    expect(report.model_without_dispute_flag.mae_days_to_settle).toBeLessThan(baseline);
  });

  it('trains on the oldest 80% of invoices by invoice date and tests on the newest 20%', () => {
    if (!report) return;
    const s = report.split;
    expect([s.method, s.train, s.test]).toEqual(['time', 1972, 494]);
    expect(s.train_invoice_dates.to <= s.test_invoice_dates.from).toBe(true);
    const dates = parseArSample(csv)
      .cases.map((c) => c.issueDay)
      .sort((a, b) => a - b);
    expect(dates[1971]).toBeLessThanOrEqual(dates[1972] ?? 0);
    expect(report.rows).toMatchObject({ read: 2466, used: 2466, skipped: 0 });
    expect(report.selection.model.every((step) => step.validation_mae > 0)).toBe(true);
  });

  it('never reads the leaking columns: scrambling DaysLate, DaysToSettle and PaperlessBill changes nothing', () => {
    if (!report) return;
    let scrambled = rewriteColumn(csv, 'DaysLate', (_c, i) => String((i * 37) % 91));
    scrambled = rewriteColumn(scrambled, 'DaysToSettle', (_c, i) => String((i * 53) % 97));
    scrambled = rewriteColumn(scrambled, 'PaperlessBill', (_c, i) => (i % 2 ? 'Paper' : 'Electronic'));
    expect(scrambled).not.toBe(csv);
    expect(evaluatePaymentModel(scrambled)).toEqual(report);
  });

  it('skips the rows with blank fields of the dirty copy, saying how many and why', () => {
    if (!existsSync(DIRTY)) return;
    const dirty = evaluatePaymentModel(readFileSync(DIRTY, 'utf8'));
    expect(dirty.rows).toMatchObject({
      read: 2586,
      used: 2466,
      skipped: 120,
      skipped_by_column: { PaperlessDate: 120 },
    });
    expect(dirty.rows.skipped_lines[0]).toEqual({
      line: 3,
      column: 'PaperlessDate',
      reason: 'PaperlessDate is blank',
    });
    expect(dirty.model.mae_days_to_settle).toBeLessThanOrEqual(
      0.85 * dirty.baselines.customer_mean.mae_days_to_settle,
    );
  });
});
