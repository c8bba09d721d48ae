import type { ParsedStatementFile } from '../../statement.types.ts';
import { decodeXmlText } from './decode-xml-text.ts';
import { readCamtDocument } from './read-camt-document.ts';
import { readReport } from './read-report.ts';

/**
 * Parses an ISO 20022 camt.052 (account report), camt.053 (statement) or camt.054 (debit/credit
 * notification) file of any version into statements. The whole file is refused on the first
 * structural problem, naming the element path; nothing partial is returned. Balances that do not
 * add up, details that contradict their entry or a missing date are warnings on the statement.
 */
export function parseCamt(file: { name: string; bytes: Uint8Array }): ParsedStatementFile {
  const { text, encoding } = decodeXmlText(file.name, file.bytes);
  const { format, message, reportName } = readCamtDocument(file.name, text);
  const header = message.required('GrpHdr');
  const reports = message.all(reportName);
  if (reports.length === 0)
    message.fail(
      `the message has no <${reportName}>; the standard requires at least one`,
      `${message.path}/${reportName}`,
    );
  return { format, encoding, statements: reports.map((report) => readReport(report, format, header)) };
}
