import { typeLabel } from '../describe-event.ts';
import { type StatementLabels, statementLabels } from '../statement-labels.ts';
import { cjkFontError } from '../statements.errors.ts';
import type { TStatementDto } from '../statements.schemas.ts';
import { drawSection } from './draw-section.ts';
import { drawStatementHeader } from './draw-statement-header.ts';
import type { CjkFont } from './load-cjk-font.ts';
import { COLORS, CONTENT_WIDTH, type Doc, FOOTER_Y, PAGE } from './pdf-layout.ts';
import type { Cursor } from './pdf-table.ts';

const FONT = 'statement-cjk';

/**
 * The statement as an A4 PDF with the CJK font embedded (subset to the glyphs used). Refuses, rather
 * than print boxes, when the font lacks a character the statement needs.
 */
export async function renderStatementPdf(s: TStatementDto, font: CjkFont): Promise<Buffer> {
  const l = statementLabels(s.locale);
  const missing = font.missing(allText(s, l));
  if (missing.length > 0) {
    throw cjkFontError(`the font ${font.familyName} (${font.path}) cannot draw ${missing.join(' ')}`, {
      font: font.familyName,
      characters: missing,
    });
  }
  const { default: PDFDocument } = await import('pdfkit');
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    lang: s.locale,
    info: { Title: `${l.title} ${s.customer.code} ${s.period.from} - ${s.period.to}`, Author: s.org.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONT, font.data, font.postscriptName);
  doc.font(FONT);
  const cur: Cursor = { doc, y: PAGE.margin, repeat: null };
  drawStatementHeader(cur, s, l);
  for (const section of s.sections) drawSection(cur, section, l);
  numberPages(doc, `${s.org.name} · ${s.customer.code} · ${l.periodText(s.period.from, s.period.to)}`, l);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function numberPages(doc: Doc, caption: string, l: StatementLabels): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a page for it.
    doc.page.margins.bottom = 0;
    doc.fontSize(7).fillColor(COLORS.muted);
    doc.text(caption, PAGE.margin, FOOTER_Y, { width: CONTENT_WIDTH * 0.7, lineBreak: false });
    doc.text(l.page(i - start + 1, count), PAGE.margin, FOOTER_Y, { width: CONTENT_WIDTH, align: 'right' });
  }
}

/** Every character the PDF will draw, to check the font has each one. */
function allText(s: TStatementDto, l: StatementLabels): string {
  const parts = [s.org.name, s.customer.name, s.customer.legal_name ?? '', s.customer.code];
  parts.push(l.title, l.periodText(s.period.from, s.period.to), l.page(1, 1), l.code, l.legalName);
  parts.push(l.period, l.generatedOn, l.currency, l.date, l.type, l.number, l.description, l.debit);
  parts.push(l.credit, l.balance, l.openingBalance, l.closingBalance, l.periodTotals, l.aging);
  parts.push(...l.buckets, l.openInvoices, l.unapplied, l.balanceDue, l.noActivity, '0123456789,.-·：');
  for (const section of s.sections) {
    parts.push(section.currency);
    for (const x of section.lines) parts.push(typeLabel(x.type, x.is_reversal, l), x.number, x.description);
  }
  return parts.join('');
}
