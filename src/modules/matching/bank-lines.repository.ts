import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import type { DbOrTx } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import type { BankLine, Proposal } from './engine/matching.types.ts';

export type LineStatus = 'unmatched' | 'suggested' | 'matched' | 'ignored';
export type StoredLine = BankLine & { status: LineStatus; receiptId: string | null };

type Row = {
  id: string;
  booking_date: BusinessDate;
  amount_minor: bigint;
  currency: string;
  counterparty_name: string | null;
  counterparty_account: string | null;
  remittance: string | null;
  end_to_end_id: string | null;
  status: LineStatus;
  receipt_id: string | null;
};

/** One bank line, locked for the caller's transaction when `forUpdate`. */
export async function loadLine(db: DbOrTx, ctx: Ctx, id: string, forUpdate = false): Promise<StoredLine> {
  const lock = forUpdate ? sql`for update` : sql``;
  const r = await sql<Row>`
    select id, booking_date, amount_minor, currency, counterparty_name, counterparty_account, remittance,
      end_to_end_id, status, receipt_id
    from bank_transactions where org_id = ${ctx.org.id} and id = ${id}::uuid ${lock}`.execute(db);
  const row = r.rows[0];
  if (!row) throw new AppError('BANK_LINE_NOT_FOUND', { details: { id } });
  return {
    id: row.id,
    bookingDate: row.booking_date,
    amountMinor: row.amount_minor,
    currency: row.currency,
    counterpartyName: row.counterparty_name,
    counterpartyAccount: row.counterparty_account,
    remittance: row.remittance,
    endToEndId: row.end_to_end_id,
    status: row.status,
    receiptId: row.receipt_id,
  };
}

type StoredProposal = Omit<
  Proposal,
  'allocations' | 'differenceMinor' | 'unappliedMinor' | 'alternatives'
> & {
  allocations: { invoiceId: string; amountMinor: string }[];
  differenceMinor: string;
  unappliedMinor: string;
  alternatives?: StoredProposal[];
};

/** A stored proposal back with its amounts as bigints. */
export function revive(p: StoredProposal): Proposal {
  return {
    ...p,
    allocations: p.allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: BigInt(a.amountMinor) })),
    differenceMinor: BigInt(p.differenceMinor),
    unappliedMinor: BigInt(p.unappliedMinor),
    alternatives: (p.alternatives ?? []).map((alt) => {
      const { alternatives: _a, decision: _d, ...rest } = revive({ ...alt, alternatives: [] });
      return rest;
    }),
  };
}

export async function loadSuggestion(db: DbOrTx, ctx: Ctx, lineId: string): Promise<Proposal | null> {
  const r = await sql<{ proposal: StoredProposal }>`
    select proposal from bank_match_suggestions where org_id = ${ctx.org.id} and bank_transaction_id = ${lineId}::uuid`.execute(
    db,
  );
  const p = r.rows[0]?.proposal;
  return p ? revive(p) : null;
}
