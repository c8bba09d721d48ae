import { ACCOUNTS, type PostingDraft } from './ledger.types.ts';

/** Invoice: debit AR; credit revenue (net) and output VAT (tax). Base net = base total - base tax. */
export function invoicePostings(amounts: {
  netMinor: bigint;
  taxMinor: bigint;
  baseTotalMinor: bigint;
  baseTaxMinor: bigint;
}): PostingDraft[] {
  const out: PostingDraft[] = [];
  const baseNet = amounts.baseTotalMinor - amounts.baseTaxMinor;
  if (amounts.netMinor > 0n || baseNet > 0n) {
    out.push({
      debit: ACCOUNTS.receivable,
      credit: ACCOUNTS.revenue,
      amountMinor: amounts.netMinor,
      baseAmountMinor: baseNet,
    });
  }
  if (amounts.taxMinor > 0n) {
    out.push({
      debit: ACCOUNTS.receivable,
      credit: ACCOUNTS.outputVat,
      amountMinor: amounts.taxMinor,
      baseAmountMinor: amounts.baseTaxMinor,
    });
  }
  return out;
}

/** Credit note: the mirror of an invoice: debit revenue and VAT, credit AR. */
export function creditNotePostings(amounts: {
  netMinor: bigint;
  taxMinor: bigint;
  baseTotalMinor: bigint;
  baseTaxMinor: bigint;
}): PostingDraft[] {
  return invoicePostings(amounts).map((p) => ({ ...p, debit: p.credit, credit: p.debit }));
}

/** Receipt not yet applied: debit bank, credit unapplied cash. */
export function receiptPostings(amountMinor: bigint, baseAmountMinor: bigint): PostingDraft[] {
  return [{ debit: ACCOUNTS.bank, credit: ACCOUNTS.unappliedCash, amountMinor, baseAmountMinor }];
}

/**
 * Application of a receipt: debit unapplied cash at the receipt's rate, credit AR; the AR side is
 * relieved at the invoice's rate, the difference going to exchange gain/loss with no document amount.
 */
export function applicationPostings(
  amountMinor: bigint,
  baseAtReceiptRate: bigint,
  baseAtInvoiceRate: bigint,
): PostingDraft[] {
  const out: PostingDraft[] = [
    {
      debit: ACCOUNTS.unappliedCash,
      credit: ACCOUNTS.receivable,
      amountMinor,
      baseAmountMinor: baseAtReceiptRate,
    },
  ];
  const diff = baseAtInvoiceRate - baseAtReceiptRate;
  if (diff > 0n)
    out.push({
      debit: ACCOUNTS.bankCharges,
      credit: ACCOUNTS.receivable,
      amountMinor: 0n,
      baseAmountMinor: diff,
    });
  if (diff < 0n)
    out.push({
      debit: ACCOUNTS.receivable,
      credit: ACCOUNTS.bankCharges,
      amountMinor: 0n,
      baseAmountMinor: -diff,
    });
  return out;
}

/** Write-off: debit the allowance (bad debt) or bank charges (small difference), credit AR. */
export function writeOffPostings(
  account: string,
  amountMinor: bigint,
  baseAmountMinor: bigint,
): PostingDraft[] {
  return [{ debit: account, credit: ACCOUNTS.receivable, amountMinor, baseAmountMinor }];
}

/** Refund of unapplied cash: debit unapplied cash, credit bank. */
export function refundPostings(amountMinor: bigint, baseAmountMinor: bigint): PostingDraft[] {
  return [{ debit: ACCOUNTS.unappliedCash, credit: ACCOUNTS.bank, amountMinor, baseAmountMinor }];
}

/** A reversal swaps each posting's sides. */
export function reversalPostings(original: readonly PostingDraft[]): PostingDraft[] {
  return original.map((p) => ({ ...p, debit: p.credit, credit: p.debit }));
}
