import { decodeText } from '../../../../shared/tabular/index.ts';
import type { ParsedStatementFile } from '../../statement.types.ts';
import { rejectStatement } from '../../statement-errors.ts';
import { assembleRecords } from './assemble-records.ts';
import type { Reject } from './bai2.types.ts';
import { buildStatement } from './build-statement.ts';
import { readEnvelopes } from './read-envelopes.ts';
import { splitRecords } from './split-records.ts';

export type Bai2Options = {
  /**
   * Check every 49/98/99 control total and count, the funds-type distributions and
   * opening + entries = closing (default true). Off only for a file known to carry wrong
   * trailers; its structure, fields, amounts and dates are still checked.
   */
  verifyTotals?: boolean;
};

/** Parses a BAI2 file: one statement per account (03 … 49) of every group. */
export function parseBai2(
  file: { name: string; bytes: Uint8Array },
  options: Bai2Options = {},
): ParsedStatementFile {
  const verifyTotals = options.verifyTotals ?? true;
  const reject: Reject = (line, reason) => rejectStatement({ file: file.name, line, element: null, reason });
  const { text, encoding } = decodeText(file.bytes);
  const groups = readEnvelopes(assembleRecords(splitRecords(text), reject), reject, verifyTotals);
  const statements = groups.flatMap((group) =>
    group.accounts.map((account) => buildStatement(account, group.header, reject, verifyTotals)),
  );
  return { format: 'bai2', encoding, statements };
}
