import { sql } from 'kysely';
import type { Ctx } from '../../../shared/context/index.ts';
import type { Tx } from '../../../shared/db/index.ts';
import { copyRows, newId } from '../../../shared/db/index.ts';
import { convert, minorToDecimal, ofMinor, parseRate } from '../../../shared/money/index.ts';
import type { ImportIssue } from '../../../shared/tabular/index.ts';
import { ensureCustomersForImport } from '../../customers/index.ts';
import {
  type EntryDraft,
  invoicePostings,
  postEntriesBulk,
  refreshJournalStatistics,
} from '../../ledger/index.ts';
import type { InvoiceImportRow } from '../invoice-import/invoice-import.types.ts';
import { parseInvoiceRows } from '../invoice-import/parse-invoice-rows.ts';
import type { ImportInvoicesOptions, TImportCheck, TImportResult } from './import.types.ts';
import { rateFinder } from './rate-finder.ts';
import { fileFormat, rejectImport } from './reject-import.ts';

type ExistingRow = {
  line: number;
  number: string;
  customer_code: string;
  issue_date: string;
  due_date: string;
  currency: string;
  total_minor: bigint;
  tax_minor: bigint;
  po_number: string | null;
};

function differences(row: InvoiceImportRow, e: ExistingRow): string[] {
  const out: string[] = [];
  if (row.customerCode !== e.customer_code) out.push(`customer ${e.customer_code} vs ${row.customerCode}`);
  if (row.issueDate !== e.issue_date) out.push(`issue date ${e.issue_date} vs ${row.issueDate}`);
  if (row.dueDate !== e.due_date) out.push(`due date ${e.due_date} vs ${row.dueDate}`);
  if (row.currency !== e.currency) out.push(`currency ${e.currency} vs ${row.currency}`);
  else {
    if (row.amountMinor !== e.total_minor) {
      out.push(
        `amount ${minorToDecimal(e.total_minor, e.currency)} vs ${minorToDecimal(row.amountMinor, e.currency)}`,
      );
    }
    if (row.taxMinor !== e.tax_minor)
      out.push(
        `tax ${minorToDecimal(e.tax_minor, e.currency)} vs ${minorToDecimal(row.taxMinor, e.currency)}`,
      );
  }
  if (row.poNumber !== null && row.poNumber !== e.po_number)
    out.push(`PO number ${e.po_number ?? '(none)'} vs ${row.poNumber}`);
  return out;
}

/** Invoices of the file already in the books: the same ones are skipped, different ones are conflicts. */
async function findExisting(trx: Tx, ctx: Ctx, fileName: string, rows: readonly InvoiceImportRow[]) {
  await sql`create temp table import_invoice_keys (line int4 not null, number text not null) on commit drop`.execute(
    trx,
  );
  await copyRows(
    trx,
    'import_invoice_keys',
    ['line', 'number'],
    rows.map((r) => [r.line, r.invoiceNumber]),
  );
  const found = await sql<ExistingRow>`
    select k.line, i.number, c.code as customer_code, i.issue_date, i.due_date, i.currency, i.total_minor, i.tax_minor, i.po_number
    from import_invoice_keys k
    join invoices i on i.org_id = ${ctx.org.id} and i.number = k.number
    join customers c on c.org_id = i.org_id and c.id = i.customer_id`.execute(trx);
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const skip = new Set<number>();
  const issues: ImportIssue[] = [];
  for (const e of found.rows) {
    const row = byLine.get(e.line);
    if (!row) continue;
    const diff = differences(row, e);
    if (diff.length === 0) skip.add(e.line);
    else {
      issues.push({
        file: fileName,
        line: e.line,
        column: null,
        code: 'CONFLICT',
        reason: `invoice ${e.number} already exists with other values (${diff.join('; ')})`,
      });
    }
  }
  return { skip, issues };
}

/** Rows between two progress reports while writing: often enough for a bar, cheap enough for 1M rows. */
const PROGRESS_EVERY = 1000;

/** Thrown inside a dry run's transaction so that it rolls back; carries the answer out. */
class DryRunDone {
  constructor(readonly check: TImportCheck) {}
}

const byLine = (a: ImportIssue, b: ImportIssue) => (a.line ?? 0) - (b.line ?? 0);

/**
 * Imports invoices from CSV or xlsx, all or nothing, in one transaction: unknown customer codes
 * create customers; invoices already present with the same values are skipped, so importing the
 * same file twice changes nothing; every problem is reported with its line and nothing is written.
 * A dry run checks the same and returns its findings instead (see ImportInvoicesOptions).
 */
export async function importInvoices(
  ctx: Ctx,
  file: { name: string; bytes: Uint8Array },
  options?: ImportInvoicesOptions & { dryRun?: false },
): Promise<TImportResult>;
export async function importInvoices(
  ctx: Ctx,
  file: { name: string; bytes: Uint8Array },
  options: ImportInvoicesOptions & { dryRun: true },
): Promise<TImportCheck>;
export async function importInvoices(
  ctx: Ctx,
  file: { name: string; bytes: Uint8Array },
  options: ImportInvoicesOptions = {},
): Promise<TImportResult | TImportCheck> {
  const isDryRun = options.dryRun === true;
  const report = options.onProgress ?? (() => undefined);
  report({ phase: 'parsing', done: 0, total: 0 });
  const parsed = await parseInvoiceRows(file, { defaultCurrency: ctx.org.baseCurrency });
  if (parsed.issues.length > 0 && !isDryRun) rejectImport(file.name, parsed.issues);
  const rows = parsed.rows;
  const base = ctx.org.baseCurrency;
  const summary = (created: number, unchanged: number, customersCreated: number): TImportResult => ({
    file: file.name,
    kind: 'invoices',
    format: fileFormat(file.name, file.bytes),
    encoding: parsed.encoding ?? null,
    rows: rows.length,
    created,
    updated: 0,
    unchanged,
    customers_created: customersCreated,
    ignored_columns: parsed.ignoredColumns,
  });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      report({ phase: 'checking', done: 0, total: rows.length });
      const { skip, issues } = await findExisting(trx, ctx, file.name, rows);
      const fresh = rows.filter((r) => !skip.has(r.line));
      const findRate = await rateFinder(trx, ctx.org.id, base, fresh);
      const rates = fresh.map((r) => {
        if (r.currency === base) {
          const explicit = r.fxRate ? parseRate(r.fxRate) : null;
          if (explicit && explicit.numerator !== explicit.denominator) {
            issues.push({
              file: file.name,
              line: r.line,
              column: 'fx_rate',
              code: 'BAD_RATE',
              reason: `${base} is the base currency: its rate is 1, not ${r.fxRate}`,
            });
          }
          return parseRate('1');
        }
        if (r.fxRate) return parseRate(r.fxRate);
        const rate = findRate(r.currency, r.issueDate);
        if (!rate) {
          issues.push({
            file: file.name,
            line: r.line,
            column: null,
            code: 'EXCHANGE_RATE_MISSING',
            reason: `no ${r.currency}/${base} exchange rate on or before ${r.issueDate}: add an fx_rate column or record a rate`,
          });
        }
        return rate;
      });
      report({ phase: 'checking', done: rows.length, total: rows.length });
      if (isDryRun) {
        // Customers are created for real and rolled back, so the count is the one the import gets.
        const bad = new Set(issues.map((i) => i.line));
        const passing = fresh.filter((r) => !bad.has(r.line));
        report({ phase: 'customers', done: 0, total: 0 });
        const customers = await ensureCustomersForImport(trx, ctx, passing);
        const all = [...parsed.issues, ...issues].sort(byLine);
        throw new DryRunDone({
          ...summary(passing.length, skip.size, customers.createdCount),
          issues: all,
        });
      }
      if (issues.length > 0) rejectImport(file.name, issues.sort(byLine));
      report({ phase: 'customers', done: 0, total: 0 });
      const customers = await ensureCustomersForImport(trx, ctx, fresh);
      const invoiceIds = fresh.map(() => newId());
      await copyRows(
        trx,
        'invoices',
        [
          'org_id',
          'id',
          'number',
          'customer_id',
          'issue_date',
          'due_date',
          'currency',
          'fx_rate',
          'subtotal_minor',
          'tax_minor',
          'total_minor',
          'base_total_minor',
          'po_number',
          'salesperson',
          'description',
          'source',
        ],
        (function* () {
          for (let i = 0; i < fresh.length; i++) {
            if (i % PROGRESS_EVERY === 0) report({ phase: 'writing_invoices', done: i, total: fresh.length });
            const r = fresh[i] as InvoiceImportRow;
            const rate = rates[i] ?? parseRate('1');
            const baseTotal =
              r.currency === base
                ? r.amountMinor
                : convert(ofMinor(r.amountMinor, r.currency), base, rate).amountMinor;
            const c = customers.get(r.customerCode);
            yield [
              ctx.org.id,
              invoiceIds[i],
              r.invoiceNumber,
              c?.id,
              r.issueDate,
              r.dueDate,
              r.currency,
              rate.text,
              r.amountMinor - r.taxMinor,
              r.taxMinor,
              r.amountMinor,
              baseTotal,
              r.poNumber,
              r.salesperson ?? c?.salesperson ?? null,
              r.description,
              'import',
            ];
          }
        })(),
      );
      report({ phase: 'writing_invoices', done: fresh.length, total: fresh.length });
      await postEntriesBulk(
        trx,
        (function* (): Generator<EntryDraft> {
          for (let i = 0; i < fresh.length; i++) {
            if (i % PROGRESS_EVERY === 0) report({ phase: 'posting_ledger', done: i, total: fresh.length });
            const r = fresh[i] as InvoiceImportRow;
            const rate = rates[i] ?? parseRate('1');
            const sameCurrency = r.currency === base;
            const baseTotal = sameCurrency
              ? r.amountMinor
              : convert(ofMinor(r.amountMinor, r.currency), base, rate).amountMinor;
            const baseTax = sameCurrency
              ? r.taxMinor
              : convert(ofMinor(r.taxMinor, r.currency), base, rate).amountMinor;
            yield {
              orgId: ctx.org.id,
              entryId: invoiceIds[i] as string,
              entryDate: r.issueDate,
              kind: 'invoice',
              customerId: customers.get(r.customerCode)?.id ?? null,
              currency: r.currency,
              postings: invoicePostings({
                netMinor: r.amountMinor - r.taxMinor,
                taxMinor: r.taxMinor,
                baseTotalMinor: baseTotal,
                baseTaxMinor: baseTax,
              }),
            };
          }
        })(),
      );
      report({ phase: 'finishing', done: fresh.length, total: fresh.length });
      // Fresh statistics, so the planner pages lists by index right after a large load.
      await sql`analyze invoices`.execute(trx);
      await refreshJournalStatistics(trx);
      return summary(fresh.length, skip.size, customers.createdCount);
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.check;
    throw e;
  }
}
