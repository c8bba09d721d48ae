import type PDFDocument from 'pdfkit';

export type Doc = typeof PDFDocument;

/** A4 in points, and where things go on it. Tests read TITLE to look for the title's ink. */
export const PAGE = { width: 595.28, height: 841.89, margin: 36 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Lowest y a table row may reach; the footer sits below it. */
export const BODY_BOTTOM = PAGE.height - 48;
export const FOOTER_Y = PAGE.height - 30;

export const TITLE = { x: PAGE.margin, y: 56, width: CONTENT_WIDTH, size: 20 } as const;
export const CUSTOMER_NAME = { x: PAGE.margin, y: 100, width: CONTENT_WIDTH * 0.58, size: 12 } as const;

export const FONT_SIZE = 8;
export const CELL_PAD_X = 3;
export const CELL_PAD_Y = 2.5;

export const COLORS = {
  text: '#111111',
  muted: '#555555',
  rule: '#bbbbbb',
  headerFill: '#e8e8e8',
  totalFill: '#f4f4f4',
} as const;

export type Align = 'left' | 'right' | 'center';
export type PdfColumn = { header: string; width: number; align: Align };

/** The statement table: date, type, number, description (the rest of the width), three amounts. */
export function statementColumns(h: {
  date: string;
  type: string;
  number: string;
  description: string;
  debit: string;
  credit: string;
  balance: string;
}): PdfColumn[] {
  const fixed = 54 + 60 + 74 + 3 * 72;
  return [
    { header: h.date, width: 54, align: 'left' },
    { header: h.type, width: 60, align: 'left' },
    { header: h.number, width: 74, align: 'left' },
    { header: h.description, width: CONTENT_WIDTH - fixed, align: 'left' },
    { header: h.debit, width: 72, align: 'right' },
    { header: h.credit, width: 72, align: 'right' },
    { header: h.balance, width: 72, align: 'right' },
  ];
}
