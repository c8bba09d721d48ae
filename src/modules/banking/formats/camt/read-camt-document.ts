import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { StatementFormat } from '../../statement.types.ts';
import { rejectStatement } from '../../statement-errors.ts';
import { CamtCursor, type XmlElement } from './camt-cursor.ts';

type CamtFormat = Extract<StatementFormat, 'camt.052' | 'camt.053' | 'camt.054'>;

/** The message element under <Document>, its camt format and the name of its repeated report. */
export type CamtDocument = { format: CamtFormat; message: CamtCursor; reportName: 'Rpt' | 'Stmt' | 'Ntfctn' };

export const CAMT_MESSAGES: Record<string, { format: CamtFormat; reportName: CamtDocument['reportName'] }> = {
  BkToCstmrAcctRpt: { format: 'camt.052', reportName: 'Rpt' },
  BkToCstmrStmt: { format: 'camt.053', reportName: 'Stmt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', reportName: 'Ntfctn' },
};

// Namespaces are dropped so camt.053.001.02 to .08 (and 052/054 alike) read through one mapping;
// every element is an array so a repeated element is seen, never silently overwritten.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

/** Checks the XML is well formed and a camt.052/053/054 document, and returns its message element. */
export function readCamtDocument(file: string, text: string): CamtDocument {
  if (/<!DOCTYPE/i.test(text))
    rejectStatement({
      file,
      line: lineOf(text, text.search(/<!DOCTYPE/i)),
      element: null,
      reason: 'a DOCTYPE is not allowed in a camt file',
    });
  const valid = XMLValidator.validate(text);
  if (valid !== true) syntaxError(file, text, valid.err);
  const tree = parser.parse(text) as XmlElement;
  const root = new CamtCursor(file, tree, '');
  const rootNames = Object.keys(tree);
  const document = rootNames.length === 1 ? root.optional('Document') : null;
  if (document === null)
    return root.fail(
      `the document element must be <Document>, found <${rootNames.join('>, <')}>`,
      rootNames[0] ?? 'file',
    );
  const messageNames = Object.keys(document.element).filter((k) => !k.startsWith('@_') && k !== '#text');
  const name = messageNames[0];
  // Version 1 (camt.05x.001.01) suffixed the message element: <BkToCstmrAcctRptV01>.
  const kind = name !== undefined ? CAMT_MESSAGES[name.replace(/V\d{2}$/, '')] : undefined;
  if (messageNames.length !== 1 || name === undefined || kind === undefined) {
    return document.fail(
      `expected one of <BkToCstmrAcctRpt>, <BkToCstmrStmt>, <BkToCstmrDbtCdtNtfctn>, found <${messageNames.join('>, <')}>`,
      'Document',
    );
  }
  const declared =
    /xmlns(?::\w+)?\s*=\s*["']urn:iso:std:iso:20022:tech:xsd:(camt\.05[234])\.\d{3}\.\d{2}["']/.exec(
      text,
    )?.[1];
  if (declared !== undefined && declared !== kind.format) {
    document.fail(`the namespace says ${declared} but the message is <${name}> (${kind.format})`, 'Document');
  }
  const message = document.required(name);
  return {
    format: kind.format,
    message: new CamtCursor(file, message.element, name),
    reportName: kind.reportName,
  };
}

function syntaxError(file: string, text: string, err: { code: string; msg: string; line: number }): never {
  // A truncated file fails as "Invalid '["Document","BkToCstmrStmt",…]' found": the elements left open.
  const open = /^Invalid '\[(.*)\]' found/s.exec(err.msg);
  if (err.code === 'InvalidXml' && open?.[1] !== undefined) {
    const path = open[1].replace(/[\s"]/g, '').split(',').filter(Boolean).join('/');
    return rejectStatement({
      file,
      line: text.split('\n').length,
      element: path,
      reason: `the file ends with <${path}> still open: it is truncated or not well-formed XML`,
    });
  }
  return rejectStatement({ file, line: err.line, element: null, reason: `not well-formed XML: ${err.msg}` });
}

function lineOf(text: string, index: number): number {
  return text.slice(0, Math.max(index, 0)).split('\n').length;
}
