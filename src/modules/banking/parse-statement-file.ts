import { AppError } from '../../shared/errors/index.ts';
import { looksBai2, parseBai2 } from './formats/bai2/index.ts';
import { looksCamt, parseCamt } from './formats/camt/index.ts';
import { looksBankTable, parseBankTable } from './formats/csv/index.ts';
import { looksMt940, parseMt940 } from './formats/mt940/index.ts';
import { looksOfx, parseOfx } from './formats/ofx/index.ts';
import type { ParsedStatementFile } from './statement.types.ts';

type StatementFile = { name: string; bytes: Uint8Array };
type Reader = {
  id: 'camt' | 'ofx' | 'mt940' | 'bai2' | 'table';
  looks(bytes: Uint8Array, name: string): boolean;
  parse(
    file: StatementFile,
    options: { preset?: string },
  ): ParsedStatementFile | Promise<ParsedStatementFile>;
};

/**
 * The formats, most distinctive first: XML with a camt message, OFX headers or root, MT940 tags,
 * BAI2 record codes, then tables (CSV/xlsx) whose header matches a bank preset.
 */
const READERS: readonly Reader[] = [
  { id: 'camt', looks: looksCamt, parse: (f) => parseCamt(f) },
  { id: 'ofx', looks: looksOfx, parse: (f) => parseOfx(f) },
  { id: 'mt940', looks: looksMt940, parse: (f) => parseMt940(f) },
  { id: 'bai2', looks: looksBai2, parse: (f) => parseBai2(f) },
  { id: 'table', looks: looksBankTable, parse: (f, o) => parseBankTable(f, o.preset) },
];

export type StatementReader = Reader['id'];

/** Which reader a file is for, from its content (the name only breaks ties); null when none. */
export function detectStatementFormat(file: StatementFile): StatementReader | null {
  return READERS.find((r) => r.looks(file.bytes, file.name))?.id ?? null;
}

/**
 * Parses a bank statement file of any supported format, detected from its content. A file no
 * reader recognises, or one its reader refuses, is rejected whole with the reason.
 */
export async function parseStatementFile(
  file: StatementFile,
  options: { preset?: string } = {},
): Promise<ParsedStatementFile> {
  const reader = options.preset
    ? READERS.find((r) => r.id === 'table')
    : READERS.find((r) => r.looks(file.bytes, file.name));
  if (!reader) {
    throw new AppError('IMPORT_FORMAT_UNSUPPORTED', {
      message: `${file.name}: not a bank statement Settle can read (MT940, camt.052/053/054, OFX/QFX, BAI2, or a CSV/xlsx export matching a bank preset)`,
      details: { file: file.name },
    });
  }
  return reader.parse(file, options);
}
