import type { ParsedStatementFile } from '../../statement.types.ts';
import { rejectStatement } from '../../statement-errors.ts';
import { buildStatement } from './build-statement.ts';
import { decodeMt940 } from './decode-mt940.ts';
import { groupStatements } from './group-statements.ts';
import { Mt940Problem } from './mt940-problem.ts';
import { splitFields } from './split-fields.ts';

/**
 * Parses a SWIFT MT940 customer statement file (or MT942 interim report): one or more
 * statements, bare or in {1:}{2:}{4: ... -} envelopes. Any fault rejects the whole file.
 */
export function parseMt940(file: { name: string; bytes: Uint8Array }): ParsedStatementFile {
  return readMt940(file, { checkTotals: true });
}

/**
 * The parser with the balance check switchable: only for tests that read published sample files
 * whose balances were anonymised apart from their lines. Production code calls `parseMt940`.
 */
export function readMt940(
  file: { name: string; bytes: Uint8Array },
  options: { checkTotals: boolean },
): ParsedStatementFile {
  try {
    if (file.bytes.length === 0) throw new Mt940Problem(null, 'the file is empty');
    const { text, encoding } = decodeMt940(file.bytes);
    const fields = splitFields(text);
    if (fields.length === 0)
      throw new Mt940Problem(null, 'no MT940 field (:20:, :25:, :60F:, :61: ...) found');
    const statements = groupStatements(fields).map((s) => buildStatement(s, options));
    const isInterim = statements.every((s) => s.format === 'mt942');
    return { format: isInterim ? 'mt942' : 'mt940', encoding, statements };
  } catch (error) {
    if (!(error instanceof Mt940Problem)) throw error;
    return rejectStatement({ file: file.name, line: error.line, element: null, reason: error.reason });
  }
}
