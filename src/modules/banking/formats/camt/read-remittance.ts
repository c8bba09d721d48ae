import type { CamtCursor } from './camt-cursor.ts';

/**
 * Remittance information as one text: the unstructured lines, then each structured block's
 * creditor reference (e.g. an RF or ISR reference) and additional remittance lines. Lines are
 * joined with a space so two references never run together into one token.
 */
export function readRemittance(details: CamtCursor): string | null {
  const rmtInf = details.optional('RmtInf');
  if (rmtInf === null) return null;
  const parts: string[] = [];
  for (const line of rmtInf.all('Ustrd')) parts.push(line.text() ?? '');
  for (const block of rmtInf.all('Strd')) {
    for (const ref of block.all('CdtrRefInf')) parts.push(ref.textAt('Ref') ?? '');
    for (const line of block.all('AddtlRmtInf')) parts.push(line.text() ?? '');
  }
  return joinText(parts);
}

export function joinText(parts: readonly (string | null)[]): string | null {
  const text = parts
    .filter((p): p is string => p !== null && p.trim() !== '')
    .map((p) => p.trim())
    .join(' ');
  return text === '' ? null : text;
}
