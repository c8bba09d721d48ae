export type Column<R> = {
  header: string;
  value: (row: R) => string;
  align?: 'left' | 'right';
};

// East Asian wide and fullwidth ranges: a CJK customer name takes two terminal cells per character.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

function cellWidth(codePoint: number): number {
  if (codePoint < 0x20 || (codePoint >= 0x300 && codePoint <= 0x36f)) return 0;
  return WIDE.some(([lo, hi]) => codePoint >= lo && codePoint <= hi) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += cellWidth(ch.codePointAt(0) ?? 0);
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** An aligned plain-text table: headers, then one line per row; amounts right-aligned. */
export function renderTable<R>(columns: ReadonlyArray<Column<R>>, rows: ReadonlyArray<R>): string[] {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c.header), ...cells.map((line) => displayWidth(line[i] ?? ''))),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
}
