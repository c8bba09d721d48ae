import { type ColumnSpec, readImportTable, type TabularFile } from '../../shared/tabular/index.ts';

export type PreviewRows = {
  columns: { key: string; header: string }[];
  rows: { line: number; values: Record<string, string> }[];
  rowCount: number;
};

/**
 * The file as the person wrote it, for the preview table: the recognised columns and the first
 * `limit` data rows (bad ones too: they are what needs showing). Counts every data row.
 */
export async function readPreviewRows<C extends string>(
  file: TabularFile,
  spec: ColumnSpec<C>,
  limit: number,
): Promise<PreviewRows> {
  const table = await readImportTable(file, spec);
  if (!table.ok) return { columns: [], rows: [], rowCount: 0 };
  const { index, headers } = table.header;
  const columns = (Object.keys(spec) as C[])
    .filter((c) => index[c] >= 0)
    .sort((a, b) => index[a] - index[b])
    .map((key) => ({ key: key as string, header: headers[key] ?? key }));
  const rows: PreviewRows['rows'] = [];
  let rowCount = 0;
  for (const row of table.rows) {
    if (row.problem !== undefined) break;
    rowCount += 1;
    if (rows.length >= limit) continue;
    const values: Record<string, string> = {};
    for (const c of columns) values[c.key] = (row.cells[index[c.key as C]] ?? '').trim();
    rows.push({ line: row.line, values });
  }
  return { columns, rows, rowCount };
}
