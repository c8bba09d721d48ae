import {
  type Align,
  BODY_BOTTOM,
  CELL_PAD_X,
  CELL_PAD_Y,
  COLORS,
  type Doc,
  FONT_SIZE,
  PAGE,
  type PdfColumn,
} from './pdf-layout.ts';

export type PdfRow = { cells: string[]; fill?: string; isHeader?: boolean };

/** Where the next thing goes, and what to redraw at the top of a page a table continues on. */
export type Cursor = { doc: Doc; y: number; repeat: (() => void) | null };

function cellText(doc: Doc, text: string, x: number, y: number, width: number, align: Align): void {
  doc.text(text, x + CELL_PAD_X, y + CELL_PAD_Y, { width: width - 2 * CELL_PAD_X, align, lineGap: 0 });
}

export function rowHeight(doc: Doc, columns: readonly PdfColumn[], row: PdfRow): number {
  doc.fontSize(FONT_SIZE);
  const heights = columns.map((c, i) =>
    doc.heightOfString((row.cells[i] ?? '') || ' ', { width: c.width - 2 * CELL_PAD_X, lineGap: 0 }),
  );
  return Math.max(...heights) + 2 * CELL_PAD_Y;
}

/** Starts a new page when `height` does not fit, redrawing the table header there. */
export function ensureRoom(cur: Cursor, height: number): void {
  if (cur.y + height <= BODY_BOTTOM) return;
  cur.doc.addPage();
  cur.y = PAGE.margin;
  cur.repeat?.();
}

export function drawRow(cur: Cursor, columns: readonly PdfColumn[], row: PdfRow): void {
  const { doc } = cur;
  const h = rowHeight(doc, columns, row);
  if (!row.isHeader) ensureRoom(cur, h);
  const width = columns.reduce((w, c) => w + c.width, 0);
  if (row.fill) doc.rect(PAGE.margin, cur.y, width, h).fill(row.fill);
  doc.fillColor(COLORS.text).fontSize(FONT_SIZE);
  let x = PAGE.margin;
  columns.forEach((c, i) => {
    cellText(doc, row.cells[i] ?? '', x, cur.y, c.width, row.isHeader ? 'center' : c.align);
    x += c.width;
  });
  cur.y += h;
  doc
    .moveTo(PAGE.margin, cur.y)
    .lineTo(PAGE.margin + width, cur.y)
    .lineWidth(0.4)
    .strokeColor(COLORS.rule)
    .stroke();
}

/** A table: its header row now, and again on every page the table runs onto. */
export function drawTable(cur: Cursor, columns: readonly PdfColumn[], rows: readonly PdfRow[]): void {
  const header: PdfRow = { cells: columns.map((c) => c.header), fill: COLORS.headerFill, isHeader: true };
  ensureRoom(cur, rowHeight(cur.doc, columns, header) + (rows[0] ? rowHeight(cur.doc, columns, rows[0]) : 0));
  const repeat = () => drawRow(cur, columns, header);
  repeat();
  const previous = cur.repeat;
  cur.repeat = repeat;
  for (const row of rows) drawRow(cur, columns, row);
  cur.repeat = previous;
}
