import type { DbOrTx } from '../../shared/db/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import type { EntryKind, JournalLine } from './ledger.types.ts';

/** Journal entries posted by the given documents (and the reversals of them), as debit/credit lines. */
export async function journalLinesFor(
  db: DbOrTx,
  orgId: string,
  entryIds: readonly string[],
): Promise<JournalLine[]> {
  if (entryIds.length === 0) return [];
  const rows = await db
    .selectFrom('journal_postings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('entry_id', 'in', entryIds), eb('reverses_entry_id', 'in', entryIds)]))
    .orderBy('entry_date')
    .orderBy('created_at')
    .orderBy('line_no')
    .execute();
  return rows.flatMap((r) => {
    const base = {
      entryId: r.entry_id,
      lineNo: r.line_no,
      entryDate: r.entry_date as BusinessDate,
      kind: r.entry_kind as EntryKind,
      customerId: r.customer_id,
      currency: r.currency,
      amountMinor: r.amount_minor,
      baseAmountMinor: r.base_amount_minor,
      reversesEntryId: r.reverses_entry_id,
    };
    return [
      { ...base, account: r.debit_account, side: 'debit' as const },
      { ...base, account: r.credit_account, side: 'credit' as const },
    ];
  });
}
