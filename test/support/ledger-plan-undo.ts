import {
  refundReceipt,
  reverseAllocation,
  reverseReceipt,
  reverseWriteOff,
  voidCreditNote,
  voidInvoice,
  writeOffInvoice,
} from '../../src/modules/receivables/index.ts';
import type { LedgerModel } from './ledger-model.ts';
import { type Op, TODAY } from './ledger-ops.ts';
import {
  refundReasons,
  reverseFactReasons,
  reverseReceiptReasons,
  undoReasons,
  writeOffReasons,
} from './ledger-oracle.ts';
import { dateOf, dec, j, pick, type Registry } from './ledger-pick.ts';
import type { Plan } from './ledger-plan.ts';

export type UndoOp = Exclude<Op, { t: 'invoice' | 'creditNote' | 'receipt' | 'allocate' }>;

/** Undoing and settling: reversals, voids, write-offs and refunds. */
export function planUndo(op: UndoOp, m: LedgerModel, reg: Registry): Plan | null {
  switch (op.t) {
    case 'reverseAllocation': {
      const id = pick(reg.allocations, op.ref);
      if (id === undefined) return null;
      const a = m.rows.allocations.find((x) => x.id === id);
      if (!a) throw new Error(`allocation ${id} vanished`);
      const date = dateOf(op.date, a.date);
      return {
        describe: `reverseAllocation ${j({ date })} of ${dec(a.amountMinor)} ${a.currency} from ${
          a.receiptId
            ? `receipt ${m.receipt(a.receiptId).number}`
            : `credit note ${m.creditNote(a.creditNoteId ?? '').number}`
        } to invoice ${m.invoice(a.invoiceId).number} on ${a.date}`,
        reasons: reverseFactReasons(m, 'allocation', a, date ?? TODAY),
        run: (ctx) => reverseAllocation(ctx, id, date === null ? {} : { date }),
      };
    }
    case 'reverseReceipt': {
      const id = pick(reg.receipts, op.ref);
      if (id === undefined) return null;
      const rc = m.receipt(id);
      const date = dateOf(op.date, rc.date);
      return {
        describe: `reverseReceipt ${rc.number} (dated ${rc.date}) ${j({ date })}`,
        reasons: reverseReceiptReasons(m, rc, date ?? TODAY),
        run: (ctx) => reverseReceipt(ctx, id, date === null ? {} : { date }),
      };
    }
    case 'voidInvoice': {
      const id = pick(reg.invoices, op.ref);
      if (id === undefined) return null;
      const inv = m.invoice(id);
      const date = dateOf(op.date, inv.issueDate);
      const doc = {
        id,
        date: inv.issueDate,
        wholeMinor: inv.totalMinor,
        left: (d: string) => m.invoiceOpen(inv, d),
      };
      return {
        describe: `voidInvoice ${inv.number} (issued ${inv.issueDate}) ${j({ date })}`,
        reasons: undoReasons(m, 'invoice', doc, date ?? TODAY),
        run: (ctx) => voidInvoice(ctx, id, date === null ? {} : { date }),
      };
    }
    case 'voidCreditNote': {
      const id = pick(reg.creditNotes, op.ref);
      if (id === undefined) return null;
      const cn = m.creditNote(id);
      const date = dateOf(op.date, cn.date);
      const doc = {
        id,
        date: cn.date,
        wholeMinor: cn.totalMinor,
        left: (d: string) => cn.totalMinor - m.creditNoteApplied(cn, d),
      };
      return {
        describe: `voidCreditNote ${cn.number} (dated ${cn.date}) ${j({ date })}`,
        reasons: undoReasons(m, 'credit_note', doc, date ?? TODAY),
        run: (ctx) => voidCreditNote(ctx, id, date === null ? {} : { date }),
      };
    }
    case 'writeOff': {
      const id = pick(reg.invoices, op.ref);
      if (id === undefined) return null;
      const inv = m.invoice(id);
      const date = dateOf(op.date, inv.issueDate) ?? TODAY;
      const input = {
        invoice: id,
        ...(op.amount === null ? {} : { amount: dec(op.amount) }),
        date,
        kind: op.kind,
      };
      return {
        describe: `writeOffInvoice ${inv.number} (issued ${inv.issueDate}) ${j(input)}`,
        reasons: writeOffReasons(m, inv, op.amount === null ? null : BigInt(op.amount), date),
        run: (ctx) => writeOffInvoice(ctx, input),
      };
    }
    case 'reverseWriteOff': {
      const id = pick(reg.writeOffs, op.ref);
      if (id === undefined) return null;
      const w = m.rows.writeOffs.find((x) => x.id === id);
      if (!w) throw new Error(`write-off ${id} vanished`);
      const date = dateOf(op.date, w.date);
      return {
        describe: `reverseWriteOff ${j({ date })} of ${dec(w.amountMinor)} ${w.kind} on invoice ${m.invoice(w.invoiceId).number} on ${w.date}`,
        reasons: reverseFactReasons(m, 'write_off', w, date ?? TODAY),
        run: (ctx) => reverseWriteOff(ctx, id, date === null ? {} : { date }),
      };
    }
    case 'refund': {
      const id = pick(reg.receipts, op.ref);
      if (id === undefined) return null;
      const rc = m.receipt(id);
      const date = dateOf(op.date, rc.date) ?? TODAY;
      const input = { receipt: id, amount: dec(op.amount), date };
      return {
        describe: `refundReceipt ${rc.number} (dated ${rc.date}) ${j(input)}`,
        reasons: refundReasons(m, rc, BigInt(op.amount), date),
        run: (ctx) => refundReceipt(ctx, input),
      };
    }
  }
}
