/** Text normalisation shared by references, accounts and payer names. */

/** Full-width ASCII (ＡＢＣ１２３，（）) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else out += text[i];
  }
  return changed ? out : text;
}

/** Account numbers and IBANs compare without spaces, dashes or case. */
export function normaliseAccount(account: string): string {
  return toHalfWidth(account)
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
}

/** An invoice number as compared: upper-case letters and digits only ("inv-00123" -> "INV00123"). */
export function normaliseInvoiceNumber(text: string): string {
  return toHalfWidth(text)
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
}

/** OCR confuses O with 0 and I/l with 1 inside digit runs. */
export function ocrDigits(text: string): string {
  return text.replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * The numeric core of an invoice number: its last group of digits without leading zeros
 * ("INV-2025-00123" -> 123, "INV00123" -> 123). Null when there is none or it is too long to be a
 * safe integer key.
 */
export function numericCore(raw: string): number | null {
  const m = /(\d+)\D*$/.exec(raw);
  if (!m?.[1]) return null;
  const digits = m[1].replace(/^0+/, '');
  if (digits.length === 0 || digits.length > 15) return null;
  return Number(digits);
}

/** The letters an invoice number starts with ("INV-00123" -> "INV"), upper-case; '' when none. */
export function numberPrefix(raw: string): string {
  const m = /^[^0-9A-Za-z]*([A-Za-z]+)/.exec(toHalfWidth(raw));
  return m?.[1] ? m[1].toUpperCase() : '';
}
