import { getCreditNote, getReceipt } from '../../src/modules/receivables/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import { isAppError } from '../../src/shared/errors/index.ts';
import type { BusinessDate } from '../../src/shared/time/index.ts';
import { type LedgerModel, sum } from './ledger-model.ts';
import { minor } from './ledger-rows.ts';

/** Far enough ahead that every fact read back is in force or undone by then. */
const END_OF_TIME = '9999-12-31';

function fail(message: string): never {
  throw new Error(message);
}

/**
 * The receipt view as of a date (applied, refunded, unapplied, reversed) and the credit-note view
 * (current: every application not reversed) agree with the model.
 */
export async function checkDocumentViews(ctx: Ctx, m: LedgerModel, dates: readonly string[]): Promise<void> {
  for (const rc of m.rows.receipts) {
    for (const d of [...dates, END_OF_TIME]) {
      if (d < rc.date) {
        const err = await getReceipt(ctx, rc.id, d as BusinessDate).then(
          () => null,
          (e: unknown) => e,
        );
        if (!isAppError(err) || err.code !== 'RECEIPT_NOT_FOUND')
          fail(`as of ${d}, receipt ${rc.number} (dated ${rc.date}) should not exist yet: ${String(err)}`);
        continue;
      }
      const dto = await getReceipt(ctx, rc.id, d as BusinessDate);
      const applied = sum(m.liveAllocations(d, (a) => a.receiptId === rc.id));
      const refunded = sum(m.liveRefunds(rc, d));
      const reversed = m.isReversedBy('receipt', rc.id, d);
      const want = {
        applied,
        refunded,
        unapplied: reversed ? 0n : rc.amountMinor - applied - refunded,
        reversed_on: reversed ? (m.reversal('receipt', rc.id) ?? null) : null,
      };
      const got = {
        applied: minor(dto.applied),
        refunded: minor(dto.refunded),
        unapplied: minor(dto.unapplied),
        reversed_on: dto.reversed_on,
      };
      if (JSON.stringify(got, big) !== JSON.stringify(want, big))
        fail(
          `as of ${d}, receipt ${rc.number} shows ${JSON.stringify(got, big)}; derived ${JSON.stringify(want, big)}`,
        );
    }
  }
  for (const cn of m.rows.creditNotes) {
    const dto = await getCreditNote(ctx, cn.id);
    const applied = m.creditNoteApplied(cn, END_OF_TIME);
    const voided = m.reversal('credit_note', cn.id) ?? null;
    const want = { applied, unapplied: voided ? 0n : cn.totalMinor - applied, voided_on: voided };
    const got = { applied: minor(dto.applied), unapplied: minor(dto.unapplied), voided_on: dto.voided_on };
    if (JSON.stringify(got, big) !== JSON.stringify(want, big))
      fail(
        `credit note ${cn.number} shows ${JSON.stringify(got, big)}; derived ${JSON.stringify(want, big)}`,
      );
  }
}

function big(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
