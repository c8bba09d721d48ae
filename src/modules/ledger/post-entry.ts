import type { Tx } from '../../shared/db/index.ts';
import type { EntryDraft } from './ledger.types.ts';

/** Writes one journal entry. Postings are append-only; the database refuses to change them. */
export async function postEntry(trx: Tx, entry: EntryDraft): Promise<void> {
  await postEntries(trx, [entry]);
}

export async function postEntries(trx: Tx, entries: readonly EntryDraft[]): Promise<void> {
  const rows = entries.flatMap((e) =>
    e.postings.map((p, i) => {
      if (p.amountMinor < 0n || p.baseAmountMinor < 0n)
        throw new RangeError('posting amounts are never negative');
      return {
        org_id: e.orgId,
        entry_id: e.entryId,
        line_no: i + 1,
        entry_date: e.entryDate,
        entry_kind: e.kind,
        customer_id: e.customerId,
        debit_account: p.debit,
        credit_account: p.credit,
        currency: e.currency,
        amount_minor: p.amountMinor,
        base_amount_minor: p.baseAmountMinor,
        reverses_entry_id: e.reversesEntryId ?? null,
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('journal_postings')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}
