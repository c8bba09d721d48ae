import { type AliasEntry, aliasTable, type ColumnSpec, normaliseHeader } from './column-spec.ts';
import type { ImportIssue } from './import-issue.ts';
import type { TableRow } from './tabular.types.ts';

export const HEADER_SEARCH_ROWS = 20;

export type HeaderMatch<C extends string> = {
  readonly line: number;
  /** Cell index of each column in the data rows, -1 when the file does not have it. */
  readonly index: { readonly [K in C]: number };
  /** Each column's header text as written in the file, for issues. */
  readonly headers: { readonly [K in C]: string | null };
  /** Non-empty header cells that map to no column, as written in the file. */
  readonly ignoredColumns: readonly string[];
};

export type FindHeaderResult<C extends string> =
  | { readonly ok: true; readonly header: HeaderMatch<C> }
  | { readonly ok: false; readonly issues: ImportIssue[]; readonly ignoredColumns: readonly string[] };

type Hit<C extends string> = AliasEntry<C> & { readonly cell: number; readonly text: string };

/**
 * Finds the header: the first of the opening rows holding every required column. Title lines above
 * it (report names, company, period, as Chinese bank and ERP exports print) are skipped. Consumes
 * rows from `rows` up to and including the header, so the caller continues with the data.
 */
export function findHeader<C extends string>(
  rows: Iterator<TableRow>,
  spec: ColumnSpec<C>,
  fileName: string,
): FindHeaderResult<C> {
  const aliases = aliasTable(spec);
  const columns = Object.keys(spec) as C[];
  const required = columns.filter((c) => spec[c].required);
  const fileIssue = (code: ImportIssue['code'], reason: string): ImportIssue => ({
    file: fileName,
    line: null,
    column: null,
    code,
    reason,
  });
  let closest: { line: number; missing: C[] } | null = null;
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; seen += 1) {
    const next = rows.next();
    if (next.done) break;
    const row = next.value;
    const hits = row.cells.map((text, cell) => {
      const entry = aliases.get(normaliseCell(text));
      return entry ? { ...entry, cell, text: text.trim() } : null;
    });
    const found = new Set(hits.map((h) => h?.column));
    const missing = required.filter((c) => !found.has(c));
    if (missing.length === 0) return resolveHeader(row, hits, columns, fileName);
    if (closest === null || missing.length < closest.missing.length) closest = { line: row.line, missing };
  }
  if (closest === null)
    return { ok: false, issues: [fileIssue('EMPTY_FILE', 'the file has no rows')], ignoredColumns: [] };
  const names = closest.missing.map((c) => describeColumn(c, spec)).join(', ');
  const reason =
    `no header row with all required columns in the first ${HEADER_SEARCH_ROWS} rows; ` +
    `missing ${names} (closest header candidate: line ${closest.line})`;
  return { ok: false, issues: [fileIssue('MISSING_COLUMN', reason)], ignoredColumns: [] };
}

function resolveHeader<C extends string>(
  row: TableRow,
  hits: readonly (Hit<C> | null)[],
  columns: readonly C[],
  fileName: string,
): FindHeaderResult<C> {
  const index = {} as Record<C, number>;
  const headers = {} as Record<C, string | null>;
  const issues: ImportIssue[] = [];
  const ignoredColumns: string[] = [];
  row.cells.forEach((text, cell) => {
    if (!hits[cell] && text.trim() !== '') ignoredColumns.push(text.trim());
  });
  for (const column of columns) {
    const mine = hits.filter((h): h is Hit<C> => h?.column === column);
    const strong = mine.filter((h) => !h.isWeak);
    const chosen = strong.length > 0 ? strong : mine;
    for (const weak of mine) if (weak.isWeak && strong.length > 0) ignoredColumns.push(weak.text);
    const [first, second] = chosen;
    index[column] = first ? first.cell : -1;
    headers[column] = first ? first.text : null;
    if (first && second) {
      const texts = chosen.map((h) => `"${h.text}"`).join(' and ');
      issues.push({
        file: fileName,
        line: row.line,
        column: second.text,
        code: 'DUPLICATE_COLUMN',
        reason: `columns ${texts} both map to ${column}; keep one of them`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues, ignoredColumns };
  return { ok: true, header: { line: row.line, index, headers, ignoredColumns } };
}

/** Long cells are title lines or notes, never a header; skip normalising them. */
function normaliseCell(text: string): string {
  return text.length > 60 ? '' : normaliseHeader(text);
}

const CJK = /[\u3400-\u9fff]/u;

/** customer_code (客户编码): the canonical name and the Chinese spelling clerks recognise. */
function describeColumn<C extends string>(column: C, spec: ColumnSpec<C>): string {
  const chinese = spec[column].aliases.find((a) => CJK.test(a));
  return chinese ? `${column} (${chinese})` : column;
}
