import { AppError } from '../../../shared/errors/index.ts';
import { readCsvRows } from '../../../shared/tabular/index.ts';
import { type BusinessDate, isBusinessDate } from '../../../shared/time/index.ts';
import type { PaymentCase } from '../forecast.types.ts';
import { dayNumber } from '../model/day-number.ts';

/**
 * The only columns read. DaysToSettle and DaysLate are SettledDate minus InvoiceDate or DueDate:
 * the targets, never features, so they are not even parsed. PaperlessBill is not read either: it
 * is PaperlessDate compared with InvoiceDate, which is what the model uses.
 */
export const AR_SAMPLE_COLUMNS = [
  'countryCode',
  'customerID',
  'PaperlessDate',
  'invoiceNumber',
  'InvoiceDate',
  'DueDate',
  'InvoiceAmount',
  'Disputed',
  'SettledDate',
] as const;

/** A row left out: its line in the file, the column at fault, and why. */
export type SkippedLine = { line: number; column: string; reason: string };
export type ArSample = { cases: PaymentCase[]; rows: number; skipped: SkippedLine[] };

/** 'M/D/YYYY' (the sample's spelling) to a business date, or null. */
export function parseUsDate(text: string): BusinessDate | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const iso = m ? `${m[3]}-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}` : '';
  return isBusinessDate(iso) ? iso : null;
}

/** Reads a CSV in the layout of IBM's accounts-receivable sample; a bad row is skipped with its reason. */
export function parseArSample(text: string): ArSample {
  const rows = readCsvRows(text.replace(/^\uFEFF/, ''), ',');
  const header = rows.next();
  if (header.done) throw new AppError('IMPORT_REJECTED', { message: 'the file is empty' });
  const at = new Map(header.value.cells.map((h, i) => [h.trim(), i]));
  const missing = AR_SAMPLE_COLUMNS.filter((c) => !at.has(c));
  if (missing.length > 0) {
    throw new AppError('IMPORT_REJECTED', {
      message: `not in the layout of the IBM accounts-receivable sample: missing ${missing.join(', ')}`,
      details: { missing_columns: missing },
    });
  }
  const cases: PaymentCase[] = [];
  const skipped: SkippedLine[] = [];
  const seen = new Set<string>();
  let count = 0;
  for (const row of rows) {
    count += 1;
    const cell = (name: (typeof AR_SAMPLE_COLUMNS)[number]) => (row.cells[at.get(name) ?? -1] ?? '').trim();
    const result = caseOf(cell, seen);
    if ('reason' in result) skipped.push({ line: row.line, ...result });
    else cases.push(result);
  }
  return { cases, rows: count, skipped };
}

function caseOf(
  cell: (name: (typeof AR_SAMPLE_COLUMNS)[number]) => string,
  seen: Set<string>,
): PaymentCase | { column: string; reason: string } {
  const bad = (column: string, reason: string) => ({ column, reason: `${column} ${reason}` });
  for (const name of AR_SAMPLE_COLUMNS) if (cell(name) === '') return bad(name, 'is blank');
  const issue = parseUsDate(cell('InvoiceDate'));
  const due = parseUsDate(cell('DueDate'));
  const settled = parseUsDate(cell('SettledDate'));
  const paperless = parseUsDate(cell('PaperlessDate'));
  const amount = Number(cell('InvoiceAmount'));
  const disputed = cell('Disputed');
  const quoted = (name: (typeof AR_SAMPLE_COLUMNS)[number]) => `"${cell(name)}"`;
  if (!issue) return bad('InvoiceDate', `${quoted('InvoiceDate')} is not a date (M/D/YYYY)`);
  if (!due || due < issue)
    return bad('DueDate', `${quoted('DueDate')} is not a date on or after InvoiceDate`);
  if (!settled || settled < issue)
    return bad('SettledDate', `${quoted('SettledDate')} is not a date on or after InvoiceDate`);
  if (!paperless) return bad('PaperlessDate', `${quoted('PaperlessDate')} is not a date (M/D/YYYY)`);
  if (!Number.isFinite(amount) || amount <= 0)
    return bad('InvoiceAmount', `${quoted('InvoiceAmount')} is not a positive number`);
  if (disputed !== 'Yes' && disputed !== 'No') return bad('Disputed', `"${disputed}" is neither Yes nor No`);
  const id = cell('invoiceNumber');
  if (seen.has(id)) return bad('invoiceNumber', `${id} appears twice`);
  seen.add(id);
  return {
    id,
    customer: cell('customerID'),
    segment: cell('countryCode'),
    issueDay: dayNumber(issue),
    dueDay: dayNumber(due),
    amount,
    isDisputed: disputed === 'Yes',
    // Bills go out electronically from the day after the customer's PaperlessDate.
    isPaperless: paperless < issue,
    settledDay: dayNumber(settled),
  } satisfies PaymentCase;
}
