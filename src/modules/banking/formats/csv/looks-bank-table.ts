import { detectDelimiter, readCsvRows } from '../../../../shared/tabular/index.ts';
import { decodeBankText, detectTextEncoding } from './detect-text-encoding.ts';
import { HEADER_SEARCH_ROWS } from './locate-header.ts';
import { detectPreset } from './match-header.ts';
import { readZipEntry } from './read-zip-entry.ts';
import { isLegacyXls, isZip } from './sniff-file-kind.ts';

const SNIFF_BYTES = 64 * 1024;

/**
 * True when the file is a table with a bank preset's header near its top: a CSV whose opening rows
 * hold one, or an xlsx whose shared strings hold one's columns. Legacy .xls cannot be looked into
 * and is not claimed. `name` is not needed: the content decides.
 */
export function looksBankTable(bytes: Uint8Array, _name: string): boolean {
  if (bytes.byteLength === 0 || isLegacyXls(bytes)) return false;
  if (isZip(bytes)) return looksBankWorkbook(bytes);
  const head = bytes.subarray(0, SNIFF_BYTES);
  const encoding = detectTextEncoding(head);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && head.includes(0)) return false;
  const text = decodeBankText(head, encoding);
  let seen = 0;
  for (const row of readCsvRows(text, detectDelimiter(text))) {
    if (detectPreset(row.cells) !== null) return true;
    seen += 1;
    if (seen >= HEADER_SEARCH_ROWS || row.problem) return false;
  }
  return false;
}

/** Header cells are shared strings in every xlsx writer we have seen; their set must fit a preset. */
function looksBankWorkbook(bytes: Uint8Array): boolean {
  const xml = readZipEntry(bytes, 'xl/sharedStrings.xml');
  if (xml === null) return false;
  const strings = [...new TextDecoder().decode(xml).matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) =>
    (m[1] ?? '').trim(),
  );
  return detectPreset(strings) !== null;
}
