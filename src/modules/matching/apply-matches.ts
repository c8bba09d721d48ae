import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { newId, type Tx } from '../../shared/db/index.ts';
import { minorToDecimal } from '../../shared/money/index.ts';
import { recordReceiptsInTx, writeOffInvoiceInTx } from '../receivables/index.ts';
import type { BankLine, Proposal } from './engine/matching.types.ts';
import { planApplication } from './plan-application.ts';

export type MatchToApply = { line: BankLine; proposal: Proposal; decidedBy: string; isAuto: boolean };
export type AppliedMatch = {
  lineId: string;
  receiptId: string;
  receiptNumber: string;
  writeOffIds: string[];
};

/** What the receipt says of where the money came from (the bank's own words, shortened). */
function referenceOf(line: BankLine): string {
  const text = [line.remittance, line.counterpartyName].filter(Boolean).join(' / ');
  return (text || `bank line ${line.id}`).slice(0, 500);
}

/**
 * Books matches inside the caller's transaction: one receipt per bank line with its applications,
 * the small difference written off to bank charges, the line marked matched, and the match kept
 * with its reasons. Lines no longer waiting (matched meanwhile by someone else) are refused.
 */
export async function applyMatchesInTx(
  trx: Tx,
  ctx: Ctx,
  matches: readonly MatchToApply[],
): Promise<AppliedMatch[]> {
  if (matches.length === 0) return [];
  const plans = matches.map((m) => planApplication(m.line, m.proposal));
  const locked = await sql<{ id: string }>`
    select id from bank_transactions
    where org_id = ${ctx.org.id} and id = any(${sql.val(matches.map((m) => m.line.id))}::uuid[])
      and status in ('unmatched', 'suggested')
    for update`.execute(trx);
  if (locked.rows.length !== matches.length) {
    const free = new Set(locked.rows.map((r) => r.id));
    const taken = matches.filter((m) => !free.has(m.line.id)).map((m) => m.line.id);
    throw new Error(`bank lines already matched or ignored: ${taken.join(', ')}`);
  }
  const receipts = await recordReceiptsInTx(
    trx,
    ctx,
    matches.map((m, i) => ({
      customer: m.proposal.customerId ?? '',
      date: m.line.bookingDate,
      amount: minorToDecimal(m.line.amountMinor, m.line.currency),
      currency: m.line.currency,
      reference: referenceOf(m.line),
      method: 'bank_transfer' as const,
      memo: `bank line ${m.line.id}`,
      applications: (plans[i]?.applications ?? []).map((a) => ({
        invoice: a.invoiceId,
        amount: minorToDecimal(a.amountMinor, m.line.currency),
      })),
    })),
  );
  const applied: AppliedMatch[] = [];
  for (const [i, m] of matches.entries()) {
    const plan = plans[i];
    const receiptId = receipts.ids[i];
    if (!plan || !receiptId) throw new Error('receipts and matches out of step');
    const writeOffIds: string[] = [];
    for (const w of plan.writeOffs) {
      const done = await writeOffInvoiceInTx(trx, ctx, {
        invoice: w.invoiceId,
        amount: minorToDecimal(w.amountMinor, m.line.currency),
        date: m.line.bookingDate,
        kind: 'small_difference',
        reason: `short payment within tolerance (bank line ${m.line.id})`,
      });
      writeOffIds.push(done.writeOffId);
    }
    applied.push({ lineId: m.line.id, receiptId, receiptNumber: receipts.numbers[i] ?? '', writeOffIds });
  }
  await recordMatches(trx, ctx, matches, applied);
  return applied;
}

async function recordMatches(
  trx: Tx,
  ctx: Ctx,
  matches: readonly MatchToApply[],
  applied: readonly AppliedMatch[],
): Promise<void> {
  const ids = applied.map((a) => a.lineId);
  const receiptIds = applied.map((a) => a.receiptId);
  await sql`
    update bank_transactions t set status = 'matched', receipt_id = u.receipt_id
    from unnest(${sql.val(ids)}::uuid[], ${sql.val(receiptIds)}::uuid[]) as u(id, receipt_id)
    where t.org_id = ${ctx.org.id} and t.id = u.id`.execute(trx);
  await sql`delete from bank_match_suggestions
    where org_id = ${ctx.org.id} and bank_transaction_id = any(${sql.val(ids)}::uuid[])`.execute(trx);
  const rows = matches.flatMap((m, i) => {
    const a = applied[i];
    return a
      ? [
          {
            id: newId(),
            line: a.lineId,
            receipt: a.receiptId,
            write_offs: a.writeOffIds,
            decided_by: m.decidedBy,
            is_auto: m.isAuto,
            confidence: m.proposal.confidence.toFixed(4),
            reasons: m.proposal.reasons,
          },
        ]
      : [];
  });
  await sql`
    insert into bank_matches (org_id, id, bank_transaction_id, receipt_id, write_off_ids, decided_by, is_auto,
      confidence, reasons)
    select ${ctx.org.id}::uuid, x.id, x.line, x.receipt, array(select jsonb_array_elements_text(x.write_offs))::uuid[],
      x.decided_by, x.is_auto, x.confidence, x.reasons
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(id uuid, line uuid, receipt uuid, write_offs jsonb, decided_by text, is_auto boolean, confidence numeric,
        reasons jsonb)`.execute(trx);
}
