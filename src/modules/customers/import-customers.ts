import type { Ctx } from '../../shared/context/index.ts';
import type { Tx } from '../../shared/db/index.ts';
import { newId } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { formatIssue, type ImportIssue } from '../../shared/tabular/index.ts';
import { addImportedContact } from './add-imported-contact.ts';
import { sealTaxId } from './customer-fields.ts';
import { type CustomerRow, openTaxId } from './customers.repository.ts';
import type { CustomerImportRow } from './import/customer-import.types.ts';
import { parseCustomerRows } from './import/parse-customer-rows.ts';

export type TCustomerImportResult = {
  file: string;
  kind: 'customers';
  format: 'csv' | 'xlsx';
  encoding: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  customers_created: number;
  ignored_columns: string[];
};

function reject(file: string, issues: readonly ImportIssue[]): never {
  const first = issues[0];
  throw new AppError('IMPORT_REJECTED', {
    message: `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}, nothing was written${first ? ` (first: ${formatIssue(first)})` : ''}`,
    details: {
      file,
      issue_count: issues.length,
      issues: issues.slice(0, 1000),
      truncated: issues.length > 1000,
    },
  });
}

/** The columns a file gives (non-empty cells) that differ from the stored customer. */
async function changesFor(
  trx: Tx,
  ctx: Ctx,
  row: CustomerImportRow,
  existing: CustomerRow,
): Promise<Record<string, unknown>> {
  const set: Record<string, unknown> = {};
  const put = (col: keyof CustomerRow, value: unknown) => {
    if (value === null || value === undefined) return;
    const cur = existing[col];
    const same =
      Array.isArray(cur) && Array.isArray(value)
        ? cur.join('\u0000') === value.join('\u0000')
        : cur === value;
    if (!same) set[col] = value;
  };
  put('name', row.name);
  put('legal_name', row.legalName);
  if (row.taxId !== null && row.taxId !== (await openTaxId(trx, ctx.fields, existing))) {
    Object.assign(set, await sealTaxId(trx, ctx.fields, row.taxId));
  }
  put('country', row.country);
  put('currency', row.currency);
  put('payment_terms_days', row.paymentTermsDays);
  put('credit_limit_minor', row.creditLimitMinor);
  put('salesperson', row.salesperson);
  if (row.tags.length > 0) put('tags', row.tags);
  return set;
}

export type CustomerImportPhase = 'parsing' | 'checking' | 'writing_customers';

export type ImportCustomersOptions = {
  /** Called as the import moves through its phases; `done`/`total` count rows (0/0 when unknown). */
  onProgress?: (progress: { phase: CustomerImportPhase; done: number; total: number }) => void;
  /**
   * Do everything the import does in a transaction that is then rolled back, so the counts are
   * exact and nothing is written. Problems are returned (`issues`) instead of rejecting the file.
   */
  dryRun?: boolean;
};

export type TCustomerImportCheck = TCustomerImportResult & { issues: ImportIssue[] };

/** Rows between two progress reports. */
const PROGRESS_EVERY = 200;

/** Thrown inside a dry run's transaction so that it rolls back; carries the answer out. */
class DryRunDone {
  constructor(readonly check: TCustomerImportCheck) {}
}

/**
 * Imports the customer master from CSV or xlsx in one transaction: new codes are created, known
 * ones updated with the non-empty cells that differ, and a file imported twice changes nothing.
 */
export async function importCustomers(
  ctx: Ctx,
  file: { name: string; bytes: Uint8Array },
  options?: ImportCustomersOptions & { dryRun?: false },
): Promise<TCustomerImportResult>;
export async function importCustomers(
  ctx: Ctx,
  file: { name: string; bytes: Uint8Array },
  options: ImportCustomersOptions & { dryRun: true },
): Promise<TCustomerImportCheck>;
export async function importCustomers(
  ctx: Ctx,
  file: { name: string; bytes: Uint8Array },
  options: ImportCustomersOptions = {},
): Promise<TCustomerImportResult | TCustomerImportCheck> {
  const isDryRun = options.dryRun === true;
  const report = options.onProgress ?? (() => undefined);
  report({ phase: 'parsing', done: 0, total: 0 });
  const parsed = await parseCustomerRows(file, { defaultCurrency: ctx.org.baseCurrency });
  if (parsed.issues.length > 0 && !isDryRun) reject(file.name, parsed.issues);
  const total = parsed.rows.length;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      report({ phase: 'checking', done: 0, total });
      const existing = new Map<string, CustomerRow>();
      const codes = parsed.rows.map((r) => r.code);
      for (let i = 0; i < codes.length; i += 5000) {
        const found = await trx
          .selectFrom('customers')
          .selectAll()
          .where('org_id', '=', ctx.org.id)
          .where('code', 'in', codes.slice(i, i + 5000))
          .execute();
        for (const c of found) existing.set(c.code, c);
      }
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      let done = 0;
      for (const row of parsed.rows) {
        if (done % PROGRESS_EVERY === 0) report({ phase: 'writing_customers', done, total });
        done += 1;
        const current = existing.get(row.code);
        if (!current) {
          const id = newId();
          const currency = row.currency ?? ctx.org.baseCurrency;
          await trx
            .insertInto('customers')
            .values({
              org_id: ctx.org.id,
              id,
              code: row.code,
              name: row.name,
              legal_name: row.legalName,
              ...(await sealTaxId(trx, ctx.fields, row.taxId)),
              country: row.country,
              currency,
              ...(row.paymentTermsDays === null ? {} : { payment_terms_days: row.paymentTermsDays }),
              credit_limit_minor: row.creditLimitMinor,
              salesperson: row.salesperson,
              tags: row.tags,
            })
            .execute();
          await addImportedContact(trx, ctx, id, row, true);
          created += 1;
          continue;
        }
        const set = await changesFor(trx, ctx, row, current);
        const hasChanges = Object.keys(set).length > 0;
        if (hasChanges) {
          await trx
            .updateTable('customers')
            .set({ ...set, updated_at: ctx.clock.now() })
            .where('org_id', '=', ctx.org.id)
            .where('id', '=', current.id)
            .execute();
        }
        const contactAdded = await addImportedContact(trx, ctx, current.id, row, false);
        if (hasChanges || contactAdded) updated += 1;
        else unchanged += 1;
      }
      report({ phase: 'writing_customers', done: total, total });
      const result: TCustomerImportResult = {
        file: file.name,
        kind: 'customers' as const,
        format: file.bytes[0] === 0x50 && file.bytes[1] === 0x4b ? ('xlsx' as const) : ('csv' as const),
        encoding: parsed.encoding ?? null,
        rows: parsed.rows.length,
        created,
        updated,
        unchanged,
        customers_created: created,
        ignored_columns: parsed.ignoredColumns,
      };
      if (isDryRun) throw new DryRunDone({ ...result, issues: parsed.issues });
      return result;
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.check;
    throw e;
  }
}
