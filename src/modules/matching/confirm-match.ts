import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import { newId, type Tx } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { decimalToMinor } from '../../shared/money/index.ts';
import { getCustomerRef } from '../customers/index.ts';
import { applyMatchesInTx } from './apply-matches.ts';
import { loadLine, loadSuggestion, type StoredLine } from './bank-lines.repository.ts';
import type { Proposal } from './engine/matching.types.ts';
import type { TConfirmMatchRequest } from './matching.schemas.ts';

/** How a learned account or name is keyed: spacing, dashes and case do not make another payer. */
export function aliasKey(kind: 'account' | 'name', text: string): string {
  return kind === 'account'
    ? text.replace(/[\s-]/g, '').toUpperCase()
    : text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

async function proposalFor(
  trx: Tx,
  ctx: Ctx,
  line: StoredLine,
  input: TConfirmMatchRequest,
): Promise<Proposal> {
  if (!input.allocations) {
    const stored = await loadSuggestion(trx, ctx, line.id);
    if (!stored?.customerId) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'this line has no suggestion to accept: name the customer and the invoices',
        details: { field: 'allocations' },
      });
    }
    return stored;
  }
  if (!input.customer) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'customer: required with allocations',
      details: { field: 'customer' },
    });
  }
  const customer = await getCustomerRef(trx, ctx.org.id, input.customer);
  const allocations = input.allocations.map((a) => ({
    invoiceId: a.invoice,
    amountMinor: decimalToMinor(a.amount, line.currency),
  }));
  const applied = allocations.reduce((s, a) => s + a.amountMinor, 0n);
  if (applied > line.amountMinor) {
    throw new AppError('ALLOCATION_EXCEEDS_UNAPPLIED', {
      message: 'the applications add up to more than the bank line',
      details: { field: 'allocations' },
    });
  }
  return {
    lineId: line.id,
    customerId: customer.id,
    allocations,
    differenceMinor: 0n,
    unappliedMinor: line.amountMinor - applied,
    confidence: 1,
    reasons: [],
    decision: 'suggest',
    alternatives: [],
  };
}

/** A user's match teaches the payer: its account and the name it paid under, for next time. */
async function learnPayer(trx: Tx, ctx: Ctx, line: StoredLine, customerId: string): Promise<void> {
  const learned = [
    ['account', line.counterpartyAccount],
    ['name', line.counterpartyName],
  ] as const;
  for (const [kind, shown] of learned) {
    if (!shown?.trim()) continue;
    await sql`
      insert into payer_aliases (org_id, id, customer_id, kind, value, shown, created_by)
      values (${ctx.org.id}, ${newId()}, ${customerId}, ${kind}, ${aliasKey(kind, shown)}, ${shown.trim()}, ${ctx.actor})
      on conflict (org_id, kind, value) do nothing`.execute(trx);
  }
}

/**
 * A user accepts a line's suggestion, or matches it by hand (customer and applications): booked
 * like an automatic match, in one transaction, and the payer's account and name are learned.
 */
export async function confirmMatch(ctx: Ctx, lineId: string, input: TConfirmMatchRequest): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const line = await loadLine(trx, ctx, lineId, true);
    if (line.status !== 'unmatched' && line.status !== 'suggested') {
      throw new AppError('BANK_LINE_NOT_OPEN', { details: { id: lineId, status: line.status } });
    }
    const proposal = await proposalFor(trx, ctx, line, input);
    await applyMatchesInTx(trx, ctx, [{ line, proposal, decidedBy: ctx.actor, isAuto: false }]);
    if (input.learn && proposal.customerId) await learnPayer(trx, ctx, line, proposal.customerId);
  });
}
