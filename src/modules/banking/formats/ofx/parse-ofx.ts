import type { ParsedStatement, ParsedStatementFile } from '../../statement.types.ts';
import { rejectStatement } from '../../statement-errors.ts';
import { buildOfxTree } from './build-ofx-tree.ts';
import { mapOfxStatement } from './map-ofx-statement.ts';
import { childOf, childrenOf, fieldOf, type OfxNode, rejectAt } from './ofx-node.ts';
import { readOfxHeader } from './read-ofx-header.ts';
import { tokenizeSgml } from './tokenize-sgml.ts';

/** Where statements live: message set, transaction wrapper, statement. */
const STATEMENT_SETS = [
  { set: 'BANKMSGSRSV1', wrapper: 'STMTTRNRS', statement: 'STMTRS' },
  { set: 'CREDITCARDMSGSRSV1', wrapper: 'CCSTMTTRNRS', statement: 'CCSTMTRS' },
] as const;

/** Reads an OFX/QFX file (1.x SGML or 2.x XML): one ParsedStatement per bank or card statement. */
export function parseOfx(file: { name: string; bytes: Uint8Array }): ParsedStatementFile {
  const { text, encoding, bodyStart } = readOfxHeader(file.bytes, file.name);
  const root = buildOfxTree(tokenizeSgml(text, bodyStart, file.name), file.name);
  const signon = childOf(root, 'SIGNONMSGSRSV1');
  const sonrs = signon ? childOf(signon, 'SONRS') : null;
  if (sonrs) checkStatus(file.name, sonrs);
  const statements: ParsedStatement[] = [];
  for (const { set, wrapper, statement } of STATEMENT_SETS) {
    for (const messages of childrenOf(root, set)) {
      for (const trnrs of childrenOf(messages, wrapper)) {
        checkStatus(file.name, trnrs);
        const rs = childOf(trnrs, statement);
        if (!rs) return rejectAt(file.name, trnrs, `reports success but holds no <${statement}>`);
        statements.push(mapOfxStatement(file.name, rs));
      }
    }
  }
  if (statements.length === 0) {
    const isInvestment = childOf(root, 'INVSTMTMSGSRSV1') !== null;
    const reason = isInvestment
      ? 'no bank or card statement in the file (it holds only an investment statement)'
      : 'no bank or card statement in the file';
    return rejectStatement({ file: file.name, line: root.line, element: 'OFX', reason });
  }
  return { format: 'ofx', encoding, statements };
}

/** A STATUS with a code other than 0 means the bank answered with an error instead of data. */
function checkStatus(file: string, response: OfxNode): void {
  const status = childOf(response, 'STATUS');
  if (!status) rejectAt(file, response, 'missing mandatory <STATUS>');
  const code = fieldOf(status, 'CODE');
  if (code === null) rejectAt(file, status, 'missing mandatory <CODE>');
  if (code === '0') return;
  const message = fieldOf(status, 'MESSAGE') ?? `${fieldOf(status, 'SEVERITY') ?? 'ERROR'} without a message`;
  rejectStatement({
    file,
    line: status.line,
    element: response.name,
    reason: `the bank reported an error: ${message} (status ${code} in ${response.name})`,
  });
}
