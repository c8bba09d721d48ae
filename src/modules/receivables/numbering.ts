import { sql } from 'kysely';
import type { Tx } from '../../shared/db/index.ts';

const PREFIX = { invoice: 'INV-', credit_note: 'CN-', receipt: 'RC-' } as const;
const TABLE = { invoice: 'invoices', credit_note: 'credit_notes', receipt: 'receipts' } as const;
type Kind = keyof typeof PREFIX;

const format = (kind: Kind, n: bigint) => `${PREFIX[kind]}${n.toString().padStart(6, '0')}`;

async function reserve(trx: Tx, orgId: string, kind: Kind, count: number): Promise<bigint> {
  const row = await trx
    .insertInto('number_sequences')
    .values({ org_id: orgId, kind, next_value: BigInt(count + 1) })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'kind'])
        .doUpdateSet((eb) => ({ next_value: eb('number_sequences.next_value', '+', BigInt(count)) })),
    )
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return row.next_value - BigInt(count);
}

async function takenAmong(
  trx: Tx,
  orgId: string,
  kind: Kind,
  numbers: readonly string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < numbers.length; i += 5000) {
    const r = await sql<{ number: string }>`select number from ${sql.table(TABLE[kind])}
      where org_id = ${orgId} and number in (${sql.join(numbers.slice(i, i + 5000))})`.execute(trx);
    for (const x of r.rows) taken.add(x.number);
  }
  return taken;
}

/** Moves the sequence past the highest number of its form already used (by an import, say). */
async function skipPastUsed(trx: Tx, orgId: string, kind: Kind): Promise<void> {
  const prefix = PREFIX[kind];
  const r = await sql<{
    max: bigint | null;
  }>`select max(substring(number from ${prefix.length + 1})::int8) as max
    from ${sql.table(TABLE[kind])} where org_id = ${orgId} and number ~ ${`^${prefix}[0-9]{1,18}$`}`.execute(
    trx,
  );
  const max = r.rows[0]?.max ?? 0n;
  await trx
    .updateTable('number_sequences')
    .set({ next_value: max + 1n })
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('next_value', '<=', max)
    .execute();
}

/** The next `count` free document numbers of a kind, e.g. RC-000042; numbers already used are skipped. */
export async function nextNumbers(trx: Tx, orgId: string, kind: Kind, count: number): Promise<string[]> {
  if (count === 0) return [];
  for (let attempt = 0; ; attempt++) {
    const first = await reserve(trx, orgId, kind, count);
    const numbers = Array.from({ length: count }, (_, i) => format(kind, first + BigInt(i)));
    const taken = await takenAmong(trx, orgId, kind, numbers);
    if (taken.size === 0) return numbers;
    if (attempt > 3) throw new Error(`could not find ${count} free ${kind} numbers`);
    await skipPastUsed(trx, orgId, kind);
  }
}

export async function nextNumber(trx: Tx, orgId: string, kind: Kind): Promise<string> {
  const [n] = await nextNumbers(trx, orgId, kind, 1);
  return n as string;
}
