/**
 * PostgreSQL COPY text format: one row a line, tab-separated, \N for NULL, backslash escapes.
 * Both drivers treat a query `COPY … FROM STDIN` whose single parameter is such a payload as a
 * bulk load on the same connection (and so inside the same transaction).
 */
export type CopyValue = string | number | bigint | boolean | null | undefined;

function escapeCopy(value: string): string {
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return escapeCopy(value);
  return String(value);
}

export function copyLine(values: readonly CopyValue[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += '\t';
    out += copyField(values[i]);
  }
  return `${out}\n`;
}

export function isCopyFromStdin(sql: string): boolean {
  return /^\s*copy\s[\s\S]*\bfrom\s+stdin\b/i.test(sql);
}
