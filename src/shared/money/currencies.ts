// ISO 4217 minor-unit exponents. Currencies not listed are unknown and rejected at the boundary.
const EXPONENTS: Record<string, number> = {
  AED: 2,
  AUD: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EGP: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  MOP: 2,
  MXN: 2,
  MYR: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  RUB: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  UAH: 2,
  UGX: 0,
  USD: 2,
  VND: 0,
  XAF: 0,
  XOF: 0,
  ZAR: 2,
  KZT: 2,
  NGN: 2,
  KES: 2,
  BDT: 2,
  LKR: 2,
  MNT: 2,
  ARS: 2,
  COP: 2,
  PEN: 2,
};

export type CurrencyCode = string & { readonly __currency: unique symbol };

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(EXPONENTS, code);
}

export function currencyExponent(code: string): number {
  const exp = EXPONENTS[code];
  if (exp === undefined) throw new RangeError(`unknown currency: ${code}`);
  return exp;
}

export function knownCurrencies(): string[] {
  return Object.keys(EXPONENTS).sort();
}
