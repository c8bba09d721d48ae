import type { CellValue } from 'exceljs';

/**
 * Turns an exceljs cell value into the text a person sees, so xlsx and CSV rows are validated by
 * the same code. Dates become YYYY-MM-DD from their UTC parts (exceljs stores the sheet's wall time
 * as UTC); formulas give their cached result; errors keep their text (#N/A) so they fail loudly.
 */
export function renderCellValue(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return renderNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return renderDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? '' : renderCellValue(value.result);
  }
  if ('text' in value) return renderCellValue(value.text as CellValue);
  return '';
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const EXPONENT_NUMBER = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/;

/**
 * The shortest decimal that reads back as the same double (Number#toString), written without an
 * exponent. 1234.56 stays "1234.56" however Excel stored it, and a value that really carries float
 * noise keeps it, so a money check rejects it rather than rounding it away.
 */
export function renderNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const text = String(n);
  if (PLAIN_NUMBER.test(text)) return text;
  const m = EXPONENT_NUMBER.exec(text);
  if (!m) return text;
  const [, sign = '', lead = '', rest = '', exp = '0'] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function renderDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? date : `${date} ${time}`;
}
