import { type CjkFontEnv, findCjkFont } from '../statements/pdf/find-cjk-font.ts';
import { loadCjkFont } from '../statements/pdf/load-cjk-font.ts';
import {
  COLORS,
  CONTENT_WIDTH,
  type Doc,
  FOOTER_Y,
  PAGE,
  type PdfColumn,
} from '../statements/pdf/pdf-layout.ts';
import { type Cursor, drawTable } from '../statements/pdf/pdf-table.ts';
import { cjkFontError } from '../statements/statements.errors.ts';
import type { ReportCell, ReportTable } from './report-table.ts';

const FONT = 'report-cjk';

const text = (c: ReportCell): string => (c === null ? '' : String(c));

/** Text columns take twice the width of number columns. */
function columnsOf(section: ReportTable['sections'][number]): PdfColumn[] {
  const weights = section.columns.map((c) => (c.kind === 'text' ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return section.columns.map((c, i) => ({
    header: c.header,
    width: (CONTENT_WIDTH * (weights[i] ?? 1)) / total,
    align: c.kind === 'text' ? 'left' : 'right',
  }));
}

/**
 * Any report as an A4 PDF: title, subtitle lines, each section as a table whose header repeats on
 * every page, page numbers. The CJK font is embedded (subset), as for statements; a character the
 * font cannot draw is refused rather than printed as a box.
 */
export async function reportToPdf(table: ReportTable, fontEnv: CjkFontEnv): Promise<Buffer> {
  const font = await loadCjkFont(findCjkFont(fontEnv));
  const all = [
    table.title,
    ...table.subtitle,
    ...table.sections.flatMap((s) => [
      s.title,
      ...s.columns.map((c) => c.header),
      ...s.rows.flat().map(text),
    ]),
  ].join('');
  const missing = font.missing(all);
  if (missing.length > 0) {
    throw cjkFontError(`the font ${font.familyName} (${font.path}) cannot draw ${missing.join(' ')}`, {
      characters: missing,
    });
  }
  const { default: PDFDocument } = await import('pdfkit');
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: table.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONT, font.data, font.postscriptName);
  doc.font(FONT).fillColor(COLORS.text).fontSize(16).text(table.title, PAGE.margin, PAGE.margin);
  doc.fontSize(9).fillColor(COLORS.muted);
  for (const line of table.subtitle) doc.text(line);
  const cur: Cursor = { doc, y: doc.y + 10, repeat: null };
  for (const section of table.sections) {
    doc.fontSize(11).fillColor(COLORS.text).text(section.title, PAGE.margin, cur.y);
    cur.y = doc.y + 4;
    drawTable(
      cur,
      columnsOf(section),
      section.rows.map((r) => ({ cells: r.map(text) })),
    );
    cur.y += 14;
  }
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7)
      .fillColor(COLORS.muted)
      .text(`${table.title} · ${i - start + 1} / ${count}`, PAGE.margin, FOOTER_Y, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
