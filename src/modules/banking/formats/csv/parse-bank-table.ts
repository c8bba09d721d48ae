import type { ParsedStatementFile } from '../../statement.types.ts';
import { rejectStatement } from '../../statement-errors.ts';
import { assembleStatements } from './assemble-statements.ts';
import type { BankPreset } from './bank-preset.types.ts';
import { findPreset } from './bank-presets.ts';
import { locateHeader } from './locate-header.ts';
import { createBankDateReader } from './parse-bank-date.ts';
import { parseBankRow, RowProblem } from './parse-bank-row.ts';
import { readBankRows } from './read-bank-rows.ts';
import { readTitleLines } from './read-title-lines.ts';
import type { Entry } from './running-balance.ts';
import { skipReasonOf } from './skip-rules.ts';

type BankFile = { readonly name: string; readonly bytes: Uint8Array };

/**
 * Parses a bank or wallet export (CSV in UTF-8/UTF-16/GB18030/Latin-1, or xlsx) with the given
 * preset, or the one whose columns the header fits best. Asynchronous because xlsx is read by
 * exceljs. Every row below the header is an entry or skipped by an explicit rule (totals, notes,
 * closed orders, 不计收支); anything else rejects the whole file naming its line and column.
 */
export async function parseBankTable(
  file: BankFile,
  preset?: BankPreset | string,
): Promise<ParsedStatementFile> {
  const chosen = typeof preset === 'string' ? findPreset(preset) : (preset ?? null);
  const reject = (line: number | null, reason: string): never =>
    rejectStatement({ file: file.name, line, element: null, reason });
  if (typeof preset === 'string' && chosen === null) reject(null, `unknown bank preset "${preset}"`);
  const table = await readBankRows(file);
  const { match, at } = locateHeader(table.rows, chosen, file.name);
  const headerRow = table.rows[at];
  const title = readTitleLines(table.rows.slice(0, at));
  if (match.preset.dateOrder === 'md-title-year' && title.billMonth === null) {
    reject(
      headerRow?.line ?? null,
      'the dates have no year and no title line names the bill month (YYYY年MM月)',
    );
  }
  const readDate = createBankDateReader(match.preset.dateOrder, title.billMonth);
  const entries: Entry[] = [];
  for (const row of table.rows.slice(at + 1)) {
    if (skipReasonOf(row) !== null) continue;
    if (table.format === 'csv' && row.cells.length < match.width) {
      reject(row.line, `the row has ${row.cells.length} cells but the header has ${match.width} (cut off?)`);
    }
    try {
      const parsed = parseBankRow(row, { header: match, readDate, location: `line ${row.line}` });
      if (parsed.kind === 'entry') entries.push(parsed);
    } catch (e) {
      if (e instanceof RowProblem) reject(row.line, e.message);
      throw e;
    }
  }
  if (entries.length === 0) reject(null, `no transactions below the header on line ${headerRow?.line}`);
  return {
    format: table.format,
    encoding: table.encoding,
    statements: assembleStatements(entries, title, table.format),
  };
}
