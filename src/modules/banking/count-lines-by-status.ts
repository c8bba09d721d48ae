import { sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import type { BankTransactionStatus } from './banking.tables.ts';

export type StatusCounts = Record<Exclude<BankTransactionStatus, 'ignored'>, number>;

/** Where the given lines stand now: how many are matched, suggested or still unmatched. */
export async function countLinesByStatus(ctx: Ctx, ids: readonly string[]): Promise<StatusCounts> {
  const counts: StatusCounts = { matched: 0, suggested: 0, unmatched: 0 };
  if (ids.length === 0) return counts;
  const res = await sql<{ status: BankTransactionStatus; n: bigint }>`
    select status, count(*)::int8 as n from bank_transactions
    where org_id = ${ctx.org.id} and id = any(${`{${ids.join(',')}}`}::uuid[])
    group by status`.execute(ctx.db);
  for (const r of res.rows) if (r.status !== 'ignored') counts[r.status] = Number(r.n);
  return counts;
}
