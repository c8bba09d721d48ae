export {
  type AliasEntry,
  aliasTable,
  type ColumnDef,
  type ColumnSpec,
  normaliseHeader,
} from './column-spec.ts';
export { type DecodedText, decodeText } from './decode-text.ts';
export { type Delimiter, detectDelimiter } from './detect-delimiter.ts';
export { detectEncoding } from './detect-encoding.ts';
export { type FindHeaderResult, findHeader, HEADER_SEARCH_ROWS, type HeaderMatch } from './find-header.ts';
export { FirstOccurrence } from './first-occurrence.ts';
export {
  formatIssue,
  IMPORT_ISSUE_CODES,
  type ImportIssue,
  type ImportIssueCode,
} from './import-issue.ts';
export { type AmountProblem, badAmountReason, isAmountText, parseAmountCell } from './parse-amount-cell.ts';
export { parseCurrencyCell } from './parse-currency-cell.ts';
export { badDateReason, createDateCellParser } from './parse-date-cell.ts';
export { badDaysReason, MAX_TERMS_DAYS, parseDaysCell } from './parse-days-cell.ts';
export { type ParsedImportFile, parseImportFile, type RowValidator } from './parse-import-file.ts';
export { isBlankRow, readCsvRows } from './read-csv.ts';
export { type ImportTable, noDataRowsIssue, readImportTable, rowProblem } from './read-import-table.ts';
export { type ReadTableResult, readTable } from './read-table.ts';
export { readXlsxRows, WorkbookReadError } from './read-xlsx.ts';
export { renderCellValue, renderNumber } from './render-cell-value.ts';
export type { Table, TableFormat, TableRow, TabularFile, TextEncoding } from './tabular.types.ts';
export { trimCell } from './trim-cell.ts';
