import { isMt940Currency } from './mt940-amount.ts';

export type Mt940Account = { iban: string | null; number: string | null; currency: string | null };

/** The shape of an IBAN (no checksum test: the account is what the bank wrote, test files use made-up ones). */
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/**
 * :25: account identification: an IBAN, or a bank code and account number in the bank's own
 * spelling ("50880050/0194804000888", "1526.89.184", "BPHKPLPK/320000546101"), optionally followed
 * by the account currency ("...2012EUR", ".../HUF").
 */
export function parseAccount(value: string): Mt940Account {
  let text = value.trim();
  let currency: string | null = null;
  const suffix = /^(.*[\d/ ])([A-Z]{3})$/.exec(text);
  if (suffix && isMt940Currency(suffix[2] ?? '')) {
    currency = suffix[2] ?? null;
    text = (suffix[1] ?? '').replace(/[/ ]+$/, '');
  }
  const compact = text.replace(/\s+/g, '');
  if (IBAN.test(compact)) return { iban: compact, number: null, currency };
  return { iban: null, number: text, currency };
}
