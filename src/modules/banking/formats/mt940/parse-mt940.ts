import type { ParsedStatementFile } from '../../statement.types.ts';
import { rejectStatement } from '../../statement-errors.ts';
import { buildStatement } from './build-statement.ts';
import { decodeMt940 } from './decode-mt940.ts';
import { groupStatements } from './group-statements.ts';
import { Mt940Problem } from './mt940-problem.ts';
import { splitFields } from './split-fields.ts';

/**
 * Parses a SWIFT MT940 customer statement file (or MT942 interim report): one or more
 * statements, bare or in {1:}{2:}{4: ... -} envelopes. Any structural fault (a missing or
 * malformed field, a file cut short) rejects the whole file; balances or totals that do not add
 * up, or a balance in another currency, are warnings on the statement they concern.
 */
export function parseMt940(file: { name: string; bytes: Uint8Array }): ParsedStatementFile {
  try {
    if (file.bytes.length === 0) throw new Mt940Problem(null, 'the file is empty');
    const { text, encoding } = decodeMt940(file.bytes);
    const fields = splitFields(text);
    if (fields.length === 0)
      throw new Mt940Problem(null, 'no MT940 field (:20:, :25:, :60F:, :61: ...) found');
    const statements = groupStatements(fields).map((s) => buildStatement(s));
    const isInterim = statements.every((s) => s.format === 'mt942');
    return { format: isInterim ? 'mt942' : 'mt940', encoding, statements };
  } catch (error) {
    if (!(error instanceof Mt940Problem)) throw error;
    return rejectStatement({ file: file.name, line: error.line, element: null, reason: error.reason });
  }
}
