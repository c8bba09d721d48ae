import type { Tx } from '../../shared/db/index.ts';

const PREFIX = { invoice: 'INV-', credit_note: 'CN-', receipt: 'RC-' } as const;

/** The next document number of a kind, e.g. RC-000042; numbers taken by imports are skipped. */
export async function nextNumber(
  trx: Tx,
  orgId: string,
  kind: keyof typeof PREFIX,
  isTaken: (n: string) => Promise<boolean>,
): Promise<string> {
  for (;;) {
    const row = await trx
      .insertInto('number_sequences')
      .values({ org_id: orgId, kind, next_value: 2n })
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'kind'])
          .doUpdateSet((eb) => ({ next_value: eb('number_sequences.next_value', '+', 1n) })),
      )
      .returning('next_value')
      .executeTakeFirstOrThrow();
    const candidate = `${PREFIX[kind]}${(row.next_value - 1n).toString().padStart(6, '0')}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
