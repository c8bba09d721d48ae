import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { isAppError } from '../../shared/errors/index.ts';
import { applyMatchesInTx } from './apply-matches.ts';
import { buildMatchIndex, DEFAULT_MATCH_SETTINGS, proposeMatches } from './engine/index.ts';
import type { BankLine, MatchSettings, Proposal } from './engine/matching.types.ts';
import { loadMatchData, loadOpenLines } from './load-match-inputs.ts';

/** Lines booked per transaction: a crash loses at most the batch in flight, never half a match. */
const BATCH = 500;
const SUGGESTION_CHUNK = 2000;

export type MatchRunResult = { lines: number; matched: number; suggested: number; unmatched: number };

/** A proposal as stored for review: amounts as decimal-free strings (JSON has no bigint). */
function storable(p: Proposal): unknown {
  return JSON.parse(JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/**
 * Matches the org's waiting bank lines (or the given ones) to open invoices. With `apply`, the
 * proposals at or above the auto threshold are booked (receipt, applications, small-difference
 * write-off), a batch per transaction; the others are kept as suggestions for the review queue,
 * and lines with no plausible match stay unmatched. Without `apply` nothing is booked.
 */
export async function matchBankTransactions(
  ctx: Ctx,
  options: { ids?: readonly string[]; apply?: boolean; settings?: Partial<MatchSettings> } = {},
): Promise<MatchRunResult> {
  const settings: MatchSettings = { ...DEFAULT_MATCH_SETTINGS, ...options.settings };
  const lines = await loadOpenLines(ctx, options.ids);
  if (lines.length === 0) return { lines: 0, matched: 0, suggested: 0, unmatched: 0 };
  const data = await loadMatchData(ctx, ctx.clock.today());
  const index = buildMatchIndex(data);
  const proposals = proposeMatches(index, lines, settings);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const issued = new Map(data.invoices.map((i) => [i.id, i.issueDate]));
  // What is still open of each invoice as this run books: two lines proposed for the same invoice
  // (the engine looks at each line alone) must not both be booked — the second waits for review.
  const remaining = new Map(data.invoices.map((i) => [i.id, i.openMinor]));
  const fits = (p: Proposal) =>
    p.allocations.every((a) => a.amountMinor + (a.writeOffMinor ?? 0n) <= (remaining.get(a.invoiceId) ?? 0n));
  const reserve = (p: Proposal) => {
    for (const a of p.allocations) {
      remaining.set(
        a.invoiceId,
        (remaining.get(a.invoiceId) ?? 0n) - a.amountMinor - (a.writeOffMinor ?? 0n),
      );
    }
  };
  const auto: { line: BankLine; proposal: Proposal }[] = [];
  const suggested: Proposal[] = [];
  const none: string[] = [];
  for (const p of proposals) {
    const line = byId.get(p.lineId);
    if (!line) continue;
    // Money cannot pay an invoice issued after it arrived: such a proposal waits for a person.
    const isBeforeInvoice = p.allocations.some((a) => (issued.get(a.invoiceId) ?? '') > line.bookingDate);
    if (p.decision === 'auto' && options.apply && !isBeforeInvoice && fits(p)) {
      reserve(p);
      auto.push({ line, proposal: p });
    } else if (p.decision === 'none') none.push(p.lineId);
    else suggested.push(p);
  }
  let matched = 0;
  for (let i = 0; i < auto.length; i += BATCH) {
    const done = await bookBatch(ctx, auto.slice(i, i + BATCH));
    matched += done.booked;
    suggested.push(...done.refused);
  }
  await saveSuggestions(ctx, suggested, none);
  return { lines: lines.length, matched, suggested: suggested.length, unmatched: none.length };
}

/**
 * Books a batch in one transaction; if the books refuse any of it (an invoice voided meanwhile, a
 * date the ledger will not take), each line is booked on its own and the refused ones go to review
 * instead of stopping the run.
 */
async function bookBatch(
  ctx: Ctx,
  batch: readonly { line: BankLine; proposal: Proposal }[],
): Promise<{ booked: number; refused: Proposal[] }> {
  const asAuto = (m: { line: BankLine; proposal: Proposal }) => ({
    ...m,
    decidedBy: ctx.actor,
    isAuto: true,
  });
  try {
    await ctx.db.transaction().execute((trx) => applyMatchesInTx(trx, ctx, batch.map(asAuto)));
    return { booked: batch.length, refused: [] };
  } catch (e) {
    if (!isAppError(e) || batch.length === 1) {
      if (batch.length === 1 && isAppError(e)) return { booked: 0, refused: batch.map((m) => m.proposal) };
      throw e;
    }
  }
  let booked = 0;
  const refused: Proposal[] = [];
  for (const m of batch) {
    const one = await bookBatch(ctx, [m]);
    booked += one.booked;
    refused.push(...one.refused);
  }
  return { booked, refused };
}

async function saveSuggestions(
  ctx: Ctx,
  suggested: readonly Proposal[],
  none: readonly string[],
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    // One statement per chunk (a JSON array unpacked by the database), not one per suggestion.
    for (let i = 0; i < suggested.length; i += SUGGESTION_CHUNK) {
      const rows = suggested.slice(i, i + SUGGESTION_CHUNK).map((p) => ({
        id: p.lineId,
        customer_id: p.customerId,
        confidence: p.confidence.toFixed(4),
        proposal: storable(p),
      }));
      await sql`
        insert into bank_match_suggestions (org_id, bank_transaction_id, customer_id, confidence, proposal)
        select ${ctx.org.id}::uuid, x.id, x.customer_id, x.confidence, x.proposal
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x(id uuid, customer_id uuid, confidence numeric, proposal jsonb)
        on conflict (org_id, bank_transaction_id) do update
          set customer_id = excluded.customer_id, confidence = excluded.confidence, proposal = excluded.proposal,
            created_at = now()`.execute(trx);
    }
    if (suggested.length > 0) {
      await sql`update bank_transactions set status = 'suggested'
        where org_id = ${ctx.org.id} and id = any(${sql.val(suggested.map((p) => p.lineId))}::uuid[])
          and status = 'unmatched'`.execute(trx);
    }
    if (none.length > 0) {
      await sql`delete from bank_match_suggestions
        where org_id = ${ctx.org.id} and bank_transaction_id = any(${sql.val(none)}::uuid[])`.execute(trx);
      await sql`update bank_transactions set status = 'unmatched'
        where org_id = ${ctx.org.id} and id = any(${sql.val(none)}::uuid[]) and status = 'suggested'`.execute(
        trx,
      );
    }
  });
}
