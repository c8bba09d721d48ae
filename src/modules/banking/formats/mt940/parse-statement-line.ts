import type { BusinessDate } from '../../../../shared/time/index.ts';
import { parseEntryDate, parseYymmdd } from './mt940-date.ts';

/** A :61: statement line, before its amount gets the statement currency's digits. */
export type RawStatementLine = {
  valueDate: BusinessDate;
  entryDate: BusinessDate | null;
  mark: 'C' | 'D' | 'RC' | 'RD';
  fundsCode: string | null;
  amountText: string;
  /** Transaction type: N, F or S (one bank writes another letter) and three characters, e.g. NTRF, N426, S051. */
  typeCode: string;
  customerReference: string | null;
  bankReference: string | null;
  /** Subfield 9, on the continuation line (up to 34 characters), and any text after the references. */
  supplementary: string | null;
};

/**
 * Value date YYMMDD, optional entry date MMDD, mark C/D/RC/RD, optional funds code (a letter,
 * often the third of the currency: R for EUR, N for PLN), amount, type code, customer reference,
 * optional //bank reference. Some banks leave the customer reference out altogether.
 */
const LINE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+(?:,\d*)?)([A-Z][A-Z0-9 ]{3})(.*)$/;

export function parseStatementLine(lines: readonly string[]): RawStatementLine | string {
  const first = lines[0] ?? '';
  const m = LINE.exec(first);
  if (!m) {
    return `"${first}" is not a statement line (YYMMDD[MMDD], C/D/RC/RD, amount with a decimal comma, type code)`;
  }
  const valueDate = parseYymmdd(m[1] ?? '');
  if (!valueDate) return `value date "${m[1]}" is not a date (YYMMDD)`;
  const entryDate = m[2] ? parseEntryDate(m[2], valueDate) : null;
  if (m[2] && !entryDate) return `entry date "${m[2]}" is not a date (MMDD)`;
  const references = splitReferences(m[7] ?? '');
  const supplementary = [references.extra, ...lines.slice(1).map((l) => l.trim())].filter((s) => s !== '');
  return {
    valueDate,
    entryDate,
    mark: m[3] as RawStatementLine['mark'],
    fundsCode: m[4] ?? null,
    amountText: m[5] ?? '',
    typeCode: m[6] ?? '',
    customerReference: references.customer,
    bankReference: references.bank,
    supplementary: supplementary.length > 0 ? supplementary.join(' ') : null,
  };
}

/**
 * Customer reference (up to 16 characters) and, after "//", the bank's reference (up to 16).
 * Text past those (Rabobank writes the counterparty name there) is supplementary.
 */
function splitReferences(rest: string): { customer: string | null; bank: string | null; extra: string } {
  const slash = rest.indexOf('//');
  const customerPart = slash >= 0 ? rest.slice(0, slash) : rest;
  const customer = customerPart.slice(0, 16).trim();
  let extra = customerPart.slice(16).trim();
  let bank = '';
  if (slash >= 0) {
    const bankPart = rest.slice(slash + 2);
    bank = bankPart.slice(0, 16).trim();
    extra = [extra, bankPart.slice(16).trim()].filter((s) => s !== '').join(' ');
  }
  return { customer: customer || null, bank: bank || null, extra };
}
