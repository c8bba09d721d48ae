import type { Ctx } from '../../../shared/context/index.ts';
import { AppError } from '../../../shared/errors/index.ts';
import { minorToDecimal } from '../../../shared/money/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import type { TAgingQuery, TAgingReportDto, TAgingRowDto } from './aging.schemas.ts';
import { type AgingCell, type AgingScope, queryAgingCells } from './aging.sql.ts';
import { agingBuckets, parseBounds } from './aging-buckets.ts';
import { reconcileAging } from './reconcile-aging.ts';
import { queryLedgerReceivable, queryUnapplied } from './unapplied.sql.ts';

/**
 * Aging as of a date, exactly from the documents: anything dated after it — invoice, allocation,
 * write-off, reversal — does not exist yet. Every report carries its reconciliation with the AR
 * control account on the same date.
 */
export async function computeAging(ctx: Ctx, query: TAgingQuery): Promise<TAgingReportDto> {
  const asOf = (query.as_of as BusinessDate | undefined) ?? ctx.clock.today();
  let bounds: ReturnType<typeof parseBounds>;
  try {
    bounds = parseBounds(query.buckets);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { message: (e as Error).message, details: { field: 'buckets' } });
  }
  const colors = query.colors ? query.colors.split(',').map((c) => c.trim()) : undefined;
  const buckets = agingBuckets(asOf, query.basis, bounds, colors);
  const customer = query.customer ? await getCustomerRef(ctx.db, ctx.org.id, query.customer) : null;
  const scope: AgingScope = {
    orgId: ctx.org.id,
    asOf,
    customerId: customer?.id ?? null,
    currency: query.currency ?? null,
  };
  const by = query.by ?? null;
  // The three reads are independent: on PostgreSQL they run side by side on pooled connections.
  const ledger = queryLedgerReceivable(ctx.db, scope);
  ledger.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
  const [cells, unapplied] = await Promise.all([
    queryAgingCells(ctx.db, scope, { basis: query.basis, buckets, by }),
    queryUnapplied(ctx.db, scope, by),
  ]);
  // Grouped by tag an invoice (or credit) counts under each of its tags: totals come ungrouped.
  const isMultiCounted = by === 'tag';
  const [totalCells, totalUnapplied] = isMultiCounted
    ? await Promise.all([
        queryAgingCells(ctx.db, scope, { basis: query.basis, buckets, by: null }),
        queryUnapplied(ctx.db, scope, null),
      ])
    : [cells, unapplied];
  const rows = rowsOf(cells, buckets.length, by === null ? null : 'group');
  const totals = rowsOf(totalCells, buckets.length, null);
  const base = ctx.org.baseCurrency;
  const baseBuckets = buckets.map((_, i) => totals.reduce((s, r) => s + (r.baseMinor[i] ?? 0n), 0n));
  return {
    as_of: asOf,
    basis: query.basis,
    by,
    base_currency: base,
    buckets: buckets.map((b) => ({
      key: b.key,
      label: b.label.en,
      label_zh: b.label.zh,
      from_date: b.fromDate,
      to_date: b.toDate,
      color: b.color,
    })),
    rows: rows.map((r) => toDto(r, base)),
    totals: totals.map((r) => toDto({ ...r, group: null }, base)),
    base_totals: {
      buckets: baseBuckets.map((m) => minorToDecimal(m, base)),
      total: minorToDecimal(
        baseBuckets.reduce((s, m) => s + m, 0n),
        base,
      ),
    },
    unapplied: unapplied.map((u) => ({
      group: by === null ? null : { key: u.key, label: u.label },
      currency: u.currency,
      receipts: minorToDecimal(u.receipts, u.currency),
      credit_notes: minorToDecimal(u.credit_notes, u.currency),
    })),
    reconciliation: reconcileAging(await ledger, totals, totalUnapplied),
  };
}

export type AgingRow = {
  group: { key: string; label: string } | null;
  currency: string;
  openMinor: bigint[];
  baseMinor: bigint[];
  invoices: number;
};

function rowsOf(cells: readonly AgingCell[], width: number, grouping: 'group' | null): AgingRow[] {
  const rows = new Map<string, AgingRow>();
  for (const c of cells) {
    const id = grouping ? `${c.key}\u0000${c.currency}` : c.currency;
    let row = rows.get(id);
    if (!row) {
      row = {
        group: grouping ? { key: c.key, label: c.label } : null,
        currency: c.currency,
        openMinor: Array.from({ length: width }, () => 0n),
        baseMinor: Array.from({ length: width }, () => 0n),
        invoices: 0,
      };
      rows.set(id, row);
    }
    row.openMinor[c.bucket] = (row.openMinor[c.bucket] ?? 0n) + c.open;
    row.baseMinor[c.bucket] = (row.baseMinor[c.bucket] ?? 0n) + c.base;
    row.invoices += c.invoices;
  }
  return [...rows.values()].sort(
    (a, b) =>
      (a.group?.label ?? '').localeCompare(b.group?.label ?? '') || a.currency.localeCompare(b.currency),
  );
}

function toDto(r: AgingRow, base: string): TAgingRowDto {
  const total = r.openMinor.reduce((s, m) => s + m, 0n);
  const baseTotal = r.baseMinor.reduce((s, m) => s + m, 0n);
  return {
    group: r.group,
    currency: r.currency,
    buckets: r.openMinor.map((m) => minorToDecimal(m, r.currency)),
    total: minorToDecimal(total, r.currency),
    invoices: r.invoices,
    base_buckets: r.baseMinor.map((m) => minorToDecimal(m, base)),
    base_total: minorToDecimal(baseTotal, base),
  };
}
