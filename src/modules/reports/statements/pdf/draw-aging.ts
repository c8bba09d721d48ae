import { groupThousands } from '../format-amount.ts';
import type { StatementLabels } from '../statement-labels.ts';
import type { TStatementSection } from '../statements.schemas.ts';
import { COLORS, CONTENT_WIDTH, PAGE, type PdfColumn } from './pdf-layout.ts';
import { type Cursor, drawTable, ensureRoom } from './pdf-table.ts';

/** The footer of a section: open invoices by age, less unapplied credits, gives the balance due. */
export function drawAging(cur: Cursor, s: TStatementSection, l: StatementLabels): void {
  const { doc } = cur;
  const a = s.aging;
  ensureRoom(cur, 90);
  doc.fillColor(COLORS.text).fontSize(9).text(l.aging, PAGE.margin, cur.y);
  cur.y = doc.y + 3;
  const width = CONTENT_WIDTH / 6;
  const headers = [...l.buckets, l.openInvoices];
  const columns: PdfColumn[] = headers.map((header) => ({ header, width, align: 'right' }));
  const values = [a.current, a.days_1_30, a.days_31_60, a.days_61_90, a.over_90, a.open_invoices];
  drawTable(cur, columns, [{ cells: values.map(groupThousands) }]);
  const pairs: Array<[string, string]> = [
    [l.unapplied, groupThousands(a.unapplied)],
    [l.balanceDue, groupThousands(a.balance)],
  ];
  cur.y += 4;
  for (const [label, value] of pairs) {
    doc.fontSize(9).text(`${label}  ${value}`, PAGE.margin, cur.y, { width: CONTENT_WIDTH, align: 'right' });
    cur.y = doc.y + 2;
  }
}
