/** A file as uploaded: the name drives format detection and appears in every issue. */
export type TabularFile = { readonly name: string; readonly bytes: Uint8Array };

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type TableFormat = 'csv' | 'xlsx';

/**
 * One non-blank record. `line` is where it starts: the physical 1-based line of a CSV file, or the
 * sheet row number of an xlsx file. `problem` marks a record the reader could not delimit.
 */
export type TableRow = {
  readonly line: number;
  readonly cells: readonly string[];
  readonly problem?: 'unterminated-quote';
};

export type Table = {
  readonly format: TableFormat;
  readonly encoding: TextEncoding | null;
  readonly delimiter: string | null;
  /** Each call starts a fresh pass; CSV rows are produced lazily so huge files stay cheap. */
  readonly rows: () => IterableIterator<TableRow>;
};
