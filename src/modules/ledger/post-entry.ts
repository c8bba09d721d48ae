import { sql } from 'kysely';
import type { Tx } from '../../shared/db/index.ts';
import { copyRows } from '../../shared/db/index.ts';
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

const POSTING_COLUMNS = [
  'org_id',
  'entry_id',
  'line_no',
  'entry_date',
  'entry_kind',
  'customer_id',
  'debit_account',
  'credit_account',
  'currency',
  'amount_minor',
  'base_amount_minor',
  'reverses_entry_id',
] as const;

/**
 * Writes many journal entries with COPY, in the caller's transaction: for imports and bulk
 * applications, where one INSERT per entry would dominate. Accepts a generator, so the caller
 * never holds every posting in memory at once.
 */
export async function postEntriesBulk(trx: Tx, entries: Iterable<EntryDraft>): Promise<number> {
  return copyRows(
    trx,
    'journal_postings',
    POSTING_COLUMNS,
    (function* () {
      for (const e of entries) {
        for (let i = 0; i < e.postings.length; i++) {
          const p = e.postings[i] as EntryDraft['postings'][number];
          if (p.amountMinor < 0n || p.baseAmountMinor < 0n)
            throw new RangeError('posting amounts are never negative');
          yield [
            e.orgId,
            e.entryId,
            i + 1,
            e.entryDate,
            e.kind,
            e.customerId,
            p.debit,
            p.credit,
            e.currency,
            p.amountMinor,
            p.baseAmountMinor,
            e.reversesEntryId ?? null,
          ];
        }
      }
    })(),
  );
}

/** Fresh planner statistics for the journal after a large load (PGlite has no autovacuum). */
export async function refreshJournalStatistics(trx: Tx): Promise<void> {
  await sql`analyze journal_postings`.execute(trx);
}
