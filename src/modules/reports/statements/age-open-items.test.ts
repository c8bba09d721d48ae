import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { ageOpenItems, bucketOf } from './age-open-items.ts';
import type { StatementData } from './statement-data.ts';

const d = (s: string) => s as BusinessDate;
const at = new Date(0);

function data(): StatementData {
  const invoice = (id: string, dueDate: string, amountMinor: bigint) => ({
    id,
    number: id,
    date: d('2025-01-01'),
    dueDate: d(dueDate),
    currency: 'CNY',
    amountMinor,
    description: null,
    poNumber: null,
    createdAt: at,
  });
  return {
    invoices: [
      invoice('i1', '2025-03-31', 100n),
      invoice('i2', '2025-03-01', 200n),
      invoice('i3', '2024-12-01', 300n),
    ],
    creditNotes: [],
    receipts: [
      {
        id: 'r1',
        number: 'r1',
        date: d('2025-02-01'),
        currency: 'CNY',
        amountMinor: 150n,
        reference: null,
        method: 'cash',
        memo: null,
        createdAt: at,
      },
    ],
    allocations: [
      {
        id: 'a1',
        date: d('2025-02-01'),
        currency: 'CNY',
        amountMinor: 50n,
        invoiceId: 'i2',
        invoiceNumber: 'i2',
        source: 'receipt',
        sourceId: 'r1',
        sourceNumber: 'r1',
        createdAt: at,
      },
      {
        id: 'a2',
        date: d('2025-02-02'),
        currency: 'CNY',
        amountMinor: 60n,
        invoiceId: 'i3',
        invoiceNumber: 'i3',
        source: 'receipt',
        sourceId: 'r1',
        sourceNumber: 'r1',
        createdAt: at,
      },
    ],
    writeOffs: [
      {
        id: 'w1',
        date: d('2025-03-01'),
        currency: 'CNY',
        amountMinor: 40n,
        invoiceId: 'i3',
        invoiceNumber: 'i3',
        kind: 'bad_debt',
        reason: null,
        createdAt: at,
      },
    ],
    refunds: [
      {
        id: 'f1',
        date: d('2025-03-02'),
        currency: 'CNY',
        amountMinor: 10n,
        receiptId: 'r1',
        receiptNumber: 'r1',
        reference: null,
        createdAt: at,
      },
    ],
    reversals: [
      { targetType: 'allocation', targetId: 'a2', date: d('2025-03-03'), reason: null, createdAt: at },
    ],
  };
}

describe('ageOpenItems', () => {
  it('buckets by days past due: 0 is current, 30 is 1-30, 31 is 31-60, 91 is over 90', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, -5].map(bucketOf)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 0]);
  });

  it('nets live applications, write-offs and refunds; a reversed application counts for nothing', () => {
    const a = ageOpenItems(data(), d('2025-03-31')).get('CNY');
    // i1 100 current; i2 200-50 = 150, 30 days late; i3 300-40 = 260 (a2 reversed), 120 days late.
    expect(a?.buckets).toEqual([100n, 150n, 0n, 0n, 260n]);
    expect(a?.openInvoicesMinor).toBe(510n);
    // r1: 150 - 50 applied - 10 refunded (a2 undone gives its 60 back)
    expect(a?.unappliedMinor).toBe(90n);
  });

  it('a voided invoice is not open', () => {
    const x = data();
    x.reversals.push({
      targetType: 'invoice',
      targetId: 'i1',
      date: d('2025-03-10'),
      reason: null,
      createdAt: at,
    });
    expect(ageOpenItems(x, d('2025-03-31')).get('CNY')?.buckets[0]).toBe(0n);
  });
});
