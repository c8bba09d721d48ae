import type { StatementWarning } from '../../statement.types.ts';
import type { Account, Group, LogicalRecord, Reject, Warn } from './bai2.types.ts';
import { checkTrailer } from './check-trailer.ts';
import { readAccountIdentifier } from './read-account-identifier.ts';
import { readFileHeader, readGroupHeader } from './read-headers.ts';
import { readTrailer } from './read-trailer.ts';
import { readTransactionDetail } from './read-transaction-detail.ts';

type Tally = { total: bigint; records: number };
type OpenGroup = { group: Group; tally: Tally };
type OpenAccount = { account: Account; tally: Tally };

/**
 * Walks 01 (02 (03 16* 49)* 98)* 99, checking the nesting and every trailer's control total and
 * counts. Anything out of place or missing refuses the file; a trailer that disagrees with what
 * its envelope holds is a warning: on its account (49), on the group's first account (98), on the
 * file's first account (99, and a 98 of a group without accounts).
 */
export function readEnvelopes(records: LogicalRecord[], reject: Reject): Group[] {
  const groups: Group[] = [];
  /** Trailer warnings with no account of their own to sit on: they go to the file's first. */
  const fileWarnings: StatementWarning[] = [];
  const file: Tally = { total: 0n, records: 0 };
  let hasHeader = false;
  let isDone = false;
  let open: OpenGroup | null = null;
  let acct: OpenAccount | null = null;
  for (const record of records) {
    const { line, code } = record;
    if (isDone) reject(line, `record "${code}" after the file trailer 99`);
    if (!hasHeader && code !== '01')
      reject(line, `the file does not start with a file header 01 (found "${code}")`);
    const element = `record ${code}`;
    const warnOn =
      (target: StatementWarning[]): Warn =>
      (warningCode, warningLine, message) =>
        target.push({ code: warningCode, line: warningLine, element, message });
    const n = record.physicalCount;
    file.records += n;
    if (open) open.tally.records += n;
    if (acct) acct.tally.records += n;
    switch (code) {
      case '01':
        if (hasHeader) reject(line, 'a second file header 01');
        readFileHeader(record, reject);
        hasHeader = true;
        break;
      case '02':
        if (open)
          reject(
            line,
            `group header 02 before the trailer 98 of the group opened at line ${open.group.header.line}`,
          );
        open = {
          group: { header: readGroupHeader(record, reject), accounts: [] },
          tally: { total: 0n, records: n },
        };
        break;
      case '03': {
        if (!open) return reject(line, 'account identifier 03 outside a group (no 02 before it)');
        if (acct)
          reject(line, `account ${acct.account.identifier.number} has no trailer 49 before the next 03`);
        const warnings: StatementWarning[] = [];
        const identifier = readAccountIdentifier(
          record,
          open.group.header.currency,
          reject,
          warnOn(warnings),
        );
        const total = identifier.summaries.reduce((sum, s) => sum + (s.amountMinor ?? 0n), 0n);
        acct = { account: { identifier, details: [], line, warnings }, tally: { total, records: n } };
        break;
      }
      case '16': {
        if (!acct) return reject(line, 'transaction detail 16 outside an account (no 03 before it)');
        const detail = readTransactionDetail(record, reject, warnOn(acct.account.warnings));
        acct.account.details.push(detail);
        acct.tally.total += detail.amountMinor;
        break;
      }
      case '49': {
        if (!acct || !open) return reject(line, 'account trailer 49 with no account identifier 03 before it');
        const trailer = readTrailer(record, 'account trailer 49', reject);
        const name = `account trailer 49 of account ${acct.account.identifier.number}`;
        acct.account.warnings.push(...checkTrailer(name, element, trailer, { ...acct.tally, count: null }));
        open.group.accounts.push(acct.account);
        open.tally.total += acct.tally.total;
        acct = null;
        break;
      }
      case '98': {
        if (acct)
          reject(
            line,
            `account ${acct.account.identifier.number} has no trailer 49 before the group trailer 98`,
          );
        if (!open) return reject(line, 'group trailer 98 with no group header 02 before it');
        const trailer = readTrailer(record, 'group trailer 98', reject);
        const name = `group trailer 98 of the group at line ${open.group.header.line}`;
        const computed = { ...open.tally, count: open.group.accounts.length };
        (open.group.accounts[0]?.warnings ?? fileWarnings).push(
          ...checkTrailer(name, element, trailer, computed),
        );
        groups.push(open.group);
        file.total += open.tally.total;
        open = null;
        break;
      }
      case '99': {
        if (open)
          reject(
            line,
            `the group opened at line ${open.group.header.line} has no trailer 98 before the file trailer 99`,
          );
        const trailer = readTrailer(record, 'file trailer 99', reject);
        fileWarnings.push(
          ...checkTrailer('file trailer 99', element, trailer, { ...file, count: groups.length }),
        );
        isDone = true;
        break;
      }
      default:
        reject(line, `unknown record code "${code}" (expected 01, 02, 03, 16, 49, 88, 98 or 99)`);
    }
  }
  const lastLine = records.at(-1)?.segments.at(-1)?.line ?? null;
  if (acct)
    reject(
      lastLine,
      `the file ends inside account ${acct.account.identifier.number} (no trailer 49): truncated`,
    );
  if (open)
    reject(
      lastLine,
      `the file ends inside the group opened at line ${open.group.header.line} (no trailer 98): truncated`,
    );
  if (!hasHeader) reject(null, 'the file is empty');
  if (!isDone) reject(lastLine, 'the file ends without its file trailer 99: truncated');
  // With no account in the file there is no statement to carry them, and nothing to import.
  groups.flatMap((g) => g.accounts)[0]?.warnings.push(...fileWarnings);
  return groups;
}
