import { createHash } from 'node:crypto';
import type { ParsedTransaction } from './statement.types.ts';

/** References banks write where they have none: never a line's identity. */
const PLACEHOLDER_REFERENCE = /^(nonref|notprovided|not provided|none|n\/?a|-+|0+)$/i;

function usableReference(reference: string | null): string | null {
  const ref = reference?.trim() ?? '';
  return ref === '' || PLACEHOLDER_REFERENCE.test(ref) ? null : ref;
}

/** Remittance text as banks re-wrap it: width-folded, case-folded, whitespace collapsed. */
export function normaliseRemittance(text: string | null): string {
  return (text ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function normaliseAccount(account: string | null): string {
  return (account ?? '')
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}

/** What a line is, whoever reported it: date, amount, currency, payer account, text, end-to-end id. */
export function contentHash(t: ParsedTransaction): string {
  const parts = [
    t.bookingDate,
    t.amountMinor.toString(),
    t.currency.toUpperCase(),
    normaliseAccount(t.counterpartyAccount),
    normaliseRemittance(t.remittance),
    (t.endToEndId ?? '').trim(),
  ];
  return createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('base64url').slice(0, 32);
}

/**
 * The stable de-duplication key of each line of one statement, in order. A bank reference
 * identifies a line when the bank gives a usable one that no other line of the statement shares
 * (batch entries share their entry's reference); otherwise the line's content does, numbered among
 * the identical lines of the same statement day, so two genuinely identical payments on one day
 * stay two while the same day reported again (same file, overlapping statement) adds nothing.
 */
export function dedupeKeys(transactions: readonly ParsedTransaction[]): string[] {
  const refCount = new Map<string, number>();
  for (const t of transactions) {
    const ref = usableReference(t.bankReference);
    if (ref !== null) refCount.set(ref, (refCount.get(ref) ?? 0) + 1);
  }
  const occurrences = new Map<string, number>();
  return transactions.map((t) => {
    const ref = usableReference(t.bankReference);
    if (ref !== null && refCount.get(ref) === 1) return `r:${ref}`;
    // The content hash starts with the booking date, so counting per hash counts per day.
    const hash = contentHash(t);
    const n = occurrences.get(hash) ?? 0;
    occurrences.set(hash, n + 1);
    return `h:${hash}:${n}`;
  });
}
