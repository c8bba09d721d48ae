import { decodeText } from '../../../../shared/tabular/index.ts';
import type { ParsedStatementFile } from '../../statement.types.ts';
import { rejectStatement } from '../../statement-errors.ts';
import { assembleRecords } from './assemble-records.ts';
import type { Reject } from './bai2.types.ts';
import { buildStatement } from './build-statement.ts';
import { readEnvelopes } from './read-envelopes.ts';
import { splitRecords } from './split-records.ts';

/**
 * Parses a BAI2 file: one statement per account (03 … 49) of every group. Structural faults
 * (nesting, truncation, bad fields, amounts, dates) refuse the whole file; trailer totals and
 * counts, availability distributions and ledger balances that do not add up are warnings on the
 * account's statement.
 */
export function parseBai2(file: { name: string; bytes: Uint8Array }): ParsedStatementFile {
  const reject: Reject = (line, reason) => rejectStatement({ file: file.name, line, element: null, reason });
  const { text, encoding } = decodeText(file.bytes);
  const groups = readEnvelopes(assembleRecords(splitRecords(text), reject), reject);
  const statements = groups.flatMap((group) =>
    group.accounts.map((account) => buildStatement(account, group.header, reject)),
  );
  return { format: 'bai2', encoding, statements };
}
