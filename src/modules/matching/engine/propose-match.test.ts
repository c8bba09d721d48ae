import { describe, expect, it } from 'vitest';
import { buildMatchIndex } from './build-match-index.ts';
import { DEFAULT_MATCH_SETTINGS } from './match-settings.ts';
import type { Proposal } from './matching.types.ts';
import { proposeMatch, proposeMatches } from './propose-match.ts';
import { invoice, line, payer } from './test-fixtures.ts';

const S = DEFAULT_MATCH_SETTINGS;

const index = buildMatchIndex({
  invoices: [
    invoice('h1', 'INV-00123', 'hongda', 1_000_00n, '2025-01-10'),
    invoice('h2', 'INV-00124', 'hongda', 2_500_00n, '2025-01-20'),
    invoice('h3', 'INV-00125', 'hongda', 730_45n, '2025-02-05'),
    invoice('h4', 'INV-00126', 'hongda', 1_200_00n, '2025-02-15'),
    invoice('h5', 'INV-00127', 'hongda', 99_90n, '2025-02-25'),
    invoice('h6', 'INV-00128', 'hongda', 3_333_33n, '2025-03-05'),
    invoice('a1', 'INV-00200', 'acme', 4_321_00n, '2025-01-15', 'EUR'),
    invoice('a2', 'INV-00201', 'acme', 1_875_50n, '2025-02-15', 'EUR'),
    invoice('w1', 'INV-00300', 'huasheng', 8_888_00n),
    invoice('w2', 'INV-00301', 'huasheng', 5_000_00n),
    invoice('t1', 'INV-00400', 'twin', 5_000_00n),
    invoice('t2', 'INV-00401', 'twin', 5_000_00n),
    invoice('d1', 'INV-20250123', 'dated', 77_00n),
  ],
  payers: [
    payer('hongda', '上海宏达精密机械有限公司', {
      accounts: ['6222 0200 1234 5678'],
      aliases: ['SHANGHAI HONGDA PRECISION MACHINERY CO LTD'],
    }),
    payer('acme', 'Acme Widgets GmbH', { accounts: ['DE89 3704 0044 0532 0130 00'] }),
    payer('huasheng', '深圳市华盛电子科技股份有限公司'),
    payer('twin', '杭州天元纺织有限公司'),
    payer('dated', 'Dated Ltd'),
  ],
});

const numbers = (p: Proposal) => p.allocations.map((a) => a.invoiceId);
const codes = (p: Proposal) => p.reasons.map((r) => r.code);

describe('proposeMatch: references', () => {
  it('auto-applies an exact reference with the exact open amount', () => {
    const p = proposeMatch(index, line(1_000_00n, { remittance: '货款 INV-00123 谢谢' }), S);
    expect(p.decision).toBe('auto');
    expect(p.confidence).toBeGreaterThanOrEqual(0.99);
    expect(p.customerId).toBe('hongda');
    expect(p.allocations).toEqual([{ invoiceId: 'h1', amountMinor: 1_000_00n }]);
    expect(p.reasons).toContainEqual({
      code: 'reference_exact',
      params: { invoices: 'INV-00123', written: 'INV 00123' },
    });
    expect(p.reasons).toContainEqual({
      code: 'amount_exact',
      params: { invoices: 'INV-00123', amount: '1000.00', due: '1000.00' },
    });
  });

  it('reads OCR noise and Chinese keywords as fuzzy references', () => {
    const ocr = proposeMatch(index, line(2_500_00n, { remittance: 'PAYMENT I NV-0O124' }), S);
    expect([ocr.decision, numbers(ocr), codes(ocr)[0]]).toEqual(['auto', ['h2'], 'reference_fuzzy']);
    const cn = proposeMatch(index, line(2_500_00n, { remittance: '付发票号码：124货款' }), S);
    expect([cn.decision, numbers(cn)]).toEqual(['auto', ['h2']]);
  });

  it('pays the several invoices a text names, one receipt with one allocation each', () => {
    const p = proposeMatch(index, line(3_500_00n, { remittance: 'INV-00123, INV-00124' }), S);
    expect([p.decision, numbers(p)]).toEqual(['auto', ['h1', 'h2']]);
    expect(codes(p)).toContain('amount_subset');
  });

  it('books a partial payment of a named invoice as partial, all of it allocated', () => {
    const p = proposeMatch(index, line(400_00n, { remittance: 'INV-00124 first instalment' }), S);
    expect(p.allocations).toEqual([{ invoiceId: 'h2', amountMinor: 400_00n }]);
    expect([p.differenceMinor, p.unappliedMinor]).toEqual([0n, 0n]);
    expect(codes(p)).toContain('partial');
  });

  it('leaves an overpayment beyond the tolerance as unapplied credit', () => {
    const p = proposeMatch(index, line(1_050_00n, { remittance: 'INV-00123' }), S);
    expect(p.allocations).toEqual([{ invoiceId: 'h1', amountMinor: 1_000_00n }]);
    expect(p.unappliedMinor).toBe(50_00n);
    expect(p.reasons).toContainEqual(expect.objectContaining({ code: 'overpayment' }));
  });

  it('does not turn a date into an invoice number', () => {
    const p = proposeMatch(index, line(12_34n, { remittance: 'transfer 2025-01-23' }), S);
    expect(p.decision).toBe('none');
    expect(p.customerId).toBeNull();
  });

  it('suggests only, when the line is in another currency than the invoice', () => {
    const p = proposeMatch(index, line(1_000_00n, { currency: 'USD', remittance: 'INV-00123' }), S);
    expect(p.decision).toBe('suggest');
    expect(p.allocationCurrency).toBe('CNY');
    expect(codes(p)).toContain('currency_mismatch');
  });
});

describe('proposeMatch: tolerance', () => {
  it('closes an invoice short by 0.50 within a 1.00 tolerance, the 0.50 to write off', () => {
    const p = proposeMatch(index, line(999_50n, { remittance: 'INV-00123' }), S);
    expect(p.decision).toBe('auto');
    expect(p.allocations).toEqual([{ invoiceId: 'h1', amountMinor: 999_50n, writeOffMinor: 50n }]);
    expect(p.differenceMinor).toBe(50n);
    expect(p.reasons).toContainEqual({
      code: 'amount_within_tolerance',
      params: { invoices: 'INV-00123', amount: '999.50', due: '1000.00', difference: '0.50' },
    });
  });

  it('writes the shortfall of a combined payment off on the newest invoice', () => {
    const p = proposeMatch(index, line(3_500_00n - 80n, { remittance: 'INV-00123 INV-00124' }), S);
    expect(p.allocations).toEqual([
      { invoiceId: 'h1', amountMinor: 1_000_00n },
      { invoiceId: 'h2', amountMinor: 2_500_00n - 80n, writeOffMinor: 80n },
    ]);
    expect([p.decision, p.differenceMinor]).toEqual(['auto', 80n]);
  });

  it('keeps a payment short by 1.50 partial', () => {
    const p = proposeMatch(index, line(998_50n, { remittance: 'INV-00123' }), S);
    expect(p.allocations).toEqual([{ invoiceId: 'h1', amountMinor: 998_50n }]);
    expect(p.differenceMinor).toBe(0n);
    expect(codes(p)).toContain('partial');
  });

  it('applies a relative tolerance in basis points of the amount due', () => {
    const settings = { ...S, toleranceBasisPoints: 20 }; // 0.2% of 1000.00 = 2.00
    const p = proposeMatch(index, line(998_50n, { remittance: 'INV-00123' }), settings);
    expect(p.differenceMinor).toBe(1_50n);
  });
});

describe('proposeMatch: payer and amount', () => {
  it('knows the payer by account (spaces and dashes ignored) and finds the invoice by amount', () => {
    const p = proposeMatch(index, line(730_45n, { counterpartyAccount: '6222-0200-1234-5678' }), S);
    expect([p.decision, p.customerId, numbers(p)]).toEqual(['auto', 'hongda', ['h3']]);
    expect(codes(p)).toEqual(['payer_account', 'amount_exact']);
  });

  it('pays five invoices with one payment (subset sum), oldest first', () => {
    const amount = 1_000_00n + 2_500_00n + 730_45n + 1_200_00n + 99_90n;
    const p = proposeMatch(index, line(amount, { counterpartyAccount: '6222020012345678' }), S);
    expect(p.decision).toBe('auto');
    expect(numbers(p)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(p.reasons).toContainEqual(
      expect.objectContaining({ code: 'amount_subset', params: expect.objectContaining({ count: 5 }) }),
    );
  });

  it('recognises a learned alias and a bank fee short payment', () => {
    const p = proposeMatch(
      index,
      line(1_199_20n, { counterpartyName: 'Shanghai Hongda Precision Machinery Co., Ltd.' }),
      S,
    );
    expect([p.decision, p.customerId, numbers(p), p.differenceMinor]).toEqual([
      'auto',
      'hongda',
      ['h4'],
      80n,
    ]);
    expect(codes(p)).toEqual(['payer_alias', 'amount_within_tolerance']);
  });

  it('recognises a Chinese name without its city and legal form', () => {
    const p = proposeMatch(index, line(8_888_00n, { counterpartyName: '华盛电子科技' }), S);
    expect([p.decision, p.customerId, numbers(p)]).toEqual(['auto', 'huasheng', ['w1']]);
  });

  it('auto-applies a typo in the name only with a high score and an amount no one else has open', () => {
    const typo = proposeMatch(
      index,
      line(4_321_00n, { currency: 'EUR', counterpartyName: 'ACME WIDGTS' }),
      S,
    );
    expect([typo.decision, typo.customerId]).toEqual(['auto', 'acme']);
    expect(typo.reasons[0]).toEqual({ code: 'payer_name', params: { customerId: 'acme', similarity: 0.9 } });
    // 5000.00 is open at two customers: a similar name is not enough.
    const shared = proposeMatch(index, line(5_000_00n, { counterpartyName: '深圳华盛电子科枝' }), S);
    expect([shared.decision, shared.customerId]).toEqual(['suggest', 'huasheng']);
  });

  it('suggests, oldest first, a partial payment from a known payer with several invoices', () => {
    const p = proposeMatch(index, line(1_500_00n, { counterpartyAccount: '6222020012345678' }), S);
    expect(p.decision).toBe('suggest');
    expect(p.allocations).toEqual([
      { invoiceId: 'h1', amountMinor: 1_000_00n },
      { invoiceId: 'h2', amountMinor: 500_00n },
    ]);
  });

  it('is ambiguous between two invoices of the same amount', () => {
    const p = proposeMatch(index, line(5_000_00n, { counterpartyName: '杭州天元纺织有限公司' }), S);
    expect(p.decision).toBe('suggest');
    expect(numbers(p)).toEqual(['t1']);
    expect(codes(p)).toContain('ambiguous');
  });

  it('is ambiguous when the text names one customer and the account another', () => {
    const p = proposeMatch(
      index,
      line(8_888_00n, { remittance: 'INV-00300', counterpartyAccount: '6222020012345678' }),
      S,
    );
    expect(p.decision).toBe('suggest');
    expect(p.customerId).toBe('huasheng');
  });

  it('finds nothing for an unknown payer with an amount nobody has open', () => {
    const p = proposeMatch(
      index,
      line(123_45n, { counterpartyName: '某某商贸有限公司', remittance: 'refund' }),
      S,
    );
    expect(p).toMatchObject({ decision: 'none', customerId: null, allocations: [], unappliedMinor: 123_45n });
  });

  it('only hints at an amount alone, never applies it', () => {
    const p = proposeMatch(index, line(730_45n, { counterpartyName: 'Someone Else' }), S);
    expect([p.decision, p.customerId, numbers(p)]).toEqual(['suggest', 'hongda', ['h3']]);
  });

  it('proposes for each line and returns alternatives for the review screen', () => {
    const ps = proposeMatches(
      index,
      [line(5_000_00n, { id: 'x', counterpartyName: '华盛电子科技' }), line(1n, { id: 'y' })],
      S,
    );
    expect(ps.map((p) => p.lineId)).toEqual(['x', 'y']);
    expect(ps[1]?.decision).toBe('none');
  });
});
