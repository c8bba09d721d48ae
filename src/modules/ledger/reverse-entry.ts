import type { Tx } from '../../shared/db/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import type { PostingDraft } from './ledger.types.ts';
import { postEntry } from './post-entry.ts';
import { reversalPostings } from './posting-rules.ts';

/**
 * Posts the mirror of an entry, dated `date`, under the reversal document's id. Returns false when
 * the original posted nothing (a credit-note application, say), so there is nothing to mirror.
 */
export async function reverseEntry(
  trx: Tx,
  options: { orgId: string; originalEntryId: string; reversalId: string; date: BusinessDate },
): Promise<boolean> {
  const rows = await trx
    .selectFrom('journal_postings')
    .selectAll()
    .where('org_id', '=', options.orgId)
    .where('entry_id', '=', options.originalEntryId)
    .orderBy('line_no')
    .execute();
  const first = rows[0];
  if (!first) return false;
  const original: PostingDraft[] = rows.map((r) => ({
    debit: r.debit_account,
    credit: r.credit_account,
    amountMinor: r.amount_minor,
    baseAmountMinor: r.base_amount_minor,
  }));
  await postEntry(trx, {
    orgId: options.orgId,
    entryId: options.reversalId,
    entryDate: options.date,
    kind: 'reversal',
    customerId: first.customer_id,
    currency: first.currency,
    postings: reversalPostings(original),
    reversesEntryId: options.originalEntryId,
  });
  return true;
}
