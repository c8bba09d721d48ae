const SNIFF_BYTES = 512;
/** 01,sender,receiver,YYMMDD,HHMM,file id,record length,block size,2/ */
const FILE_HEADER = /^01,[^,\r\n]*,[^,\r\n]*,\d{6},\d{0,4},[^,\r\n]*,\d*,\d*,2\s*(?:\/|\r?\n|$)/;

/** True when the file starts with a BAI2 file header (version 2). */
export function looksBai2(bytes: Uint8Array, _name: string): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  return FILE_HEADER.test(head.replace(/^(?:\u00ef\u00bb\u00bf|\ufeff)/, '').trimStart());
}
