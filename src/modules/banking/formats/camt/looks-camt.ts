const CAMT_NAMESPACE = /urn:iso:std:iso:20022:tech:xsd:camt\.05[234]\.\d{3}\.\d{2}/;
const CAMT_MESSAGE = /<(?:[\w.-]+:)?(?:BkToCstmrAcctRpt|BkToCstmrStmt|BkToCstmrDbtCdtNtfctn)(?:V\d{2})?[\s>]/;

/**
 * True when the file starts like a camt.052/053/054 document: XML whose head holds the camt
 * namespace or one of the three message elements. The name is not trusted (banks use .xml, .camt, .txt).
 */
export function looksCamt(bytes: Uint8Array, _name: string): boolean {
  const head = decodeHead(bytes.subarray(0, 8192));
  if (!/^\s*</.test(head)) return false;
  return CAMT_MESSAGE.test(head) && (CAMT_NAMESPACE.test(head) || /<(?:[\w.-]+:)?Document[\s>]/.test(head));
}

function decodeHead(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('latin1').decode(bytes).replace(/^\u00ef\u00bb\u00bf/, '');
}
