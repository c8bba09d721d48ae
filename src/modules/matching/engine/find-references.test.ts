import { describe, expect, it } from 'vitest';
import { buildMatchIndex } from './build-match-index.ts';
import { findReferences } from './find-references.ts';
import { invoice } from './test-fixtures.ts';

const index = buildMatchIndex({
  invoices: [
    invoice('a', 'INV-00123', 'c1', 100n),
    invoice('b', 'INV-00124', 'c1', 100n),
    invoice('c', 'INV-00125', 'c1', 100n),
    invoice('d', 'INV-1', 'c2', 100n),
    invoice('e', 'INV-2', 'c2', 100n),
    invoice('f', 'INV-3', 'c2', 100n),
    invoice('g', 'CN-00123', 'c3', 100n),
    invoice('h', 'INV-20250123', 'c4', 100n),
    invoice('k', 'INV-4500', 'c5', 100n),
    invoice('n', '88001234', 'c6', 100n),
  ],
  payers: [],
});

function found(text: string): string[] {
  return findReferences(index, text)
    .map((h) => `${h.invoice.number}:${h.strength}`)
    .sort();
}

describe('findReferences', () => {
  it.each([
    ['INV-00123', ['INV-00123:exact']],
    ['货款 INV00123 谢谢', ['INV-00123:exact']],
    ['inv 123', ['INV-00123:prefixed']],
    ['ＩＮＶ－００１２３', ['INV-00123:exact']],
    ['I NV-0O123', ['INV-00123:prefixed']],
    ['INV-OO12З', []], // a Cyrillic З is not a digit: nothing, rather than a guess
    ['INV-0l23', ['INV-00123:prefixed']],
  ])('reads %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reads Chinese keywords and No. with the numeric core', () => {
    expect(found('发票号123')).toEqual(['CN-00123:keyword', 'INV-00123:keyword']); // the amount decides
    expect(found('支付发票号码：00123')).toEqual(['CN-00123:keyword', 'INV-00123:keyword'].sort());
    expect(found('No.124 货款')).toEqual(['INV-00124:keyword']);
  });

  it('keeps the org prefix apart: CN-123 is not INV-00123', () => {
    expect(found('CN 123')).toEqual(['CN-00123:prefixed']);
  });

  it('finds several numbers, lists and ranges', () => {
    expect(found('INV-1, INV-2 and INV-3')).toEqual(['INV-1:exact', 'INV-2:exact', 'INV-3:exact']);
    expect(found('INV-1/2/3')).toEqual(['INV-1:exact', 'INV-2:exact', 'INV-3:exact']);
    expect(found('INV-00123~00125')).toEqual(['INV-00123:exact', 'INV-00124:exact', 'INV-00125:exact']);
  });

  it('does not read dates, amounts or phone numbers as invoices', () => {
    expect(found('paid on 2025-01-23')).toEqual([]);
    expect(found('20250123')).toEqual([]);
    expect(found('No. 2025-01-23')).toEqual([]);
    expect(found('amount 4500.00 tel 13800138000')).toEqual([]);
    expect(found('INV-00123, 4500.00 CNY')).toEqual(['INV-00123:exact']);
    expect(found('No. 3 Road')).toEqual([]); // a short number after a weak keyword is a house number
  });

  it('reads a date-shaped number only with the prefix and the whole number', () => {
    expect(found('INV-20250123')).toEqual(['INV-20250123:exact']);
  });

  it('takes a bare token only when it is a whole invoice number', () => {
    expect(found('ref 88001234 thanks')).toEqual(['88001234:exact']);
    expect(found('ref 8800123 thanks')).toEqual([]);
  });
});
