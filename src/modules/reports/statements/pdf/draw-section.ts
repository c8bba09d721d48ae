import { typeLabel } from '../describe-event.ts';
import { groupThousands } from '../format-amount.ts';
import type { StatementLabels } from '../statement-labels.ts';
import type { TStatementSection } from '../statements.schemas.ts';
import { drawAging } from './draw-aging.ts';
import { COLORS, PAGE, statementColumns } from './pdf-layout.ts';
import { type Cursor, drawTable, ensureRoom, type PdfRow } from './pdf-table.ts';

const amount = (v: string | null) => (v === null ? '' : groupThousands(v));

/** One currency: its heading, the lines with running balance between opening and closing, aging. */
export function drawSection(cur: Cursor, s: TStatementSection, l: StatementLabels): void {
  const { doc } = cur;
  ensureRoom(cur, 60);
  doc.fillColor(COLORS.text).fontSize(11).text(`${l.currency}：${s.currency}`, PAGE.margin, cur.y);
  cur.y = doc.y + 4;
  const summary = (label: string, debit: string, credit: string, balance: string): PdfRow => ({
    cells: ['', '', '', label, debit, credit, balance],
    fill: COLORS.totalFill,
  });
  const rows: PdfRow[] = [
    summary(l.openingBalance, '', '', amount(s.opening_balance)),
    ...s.lines.map((x) => ({
      cells: [
        x.date,
        typeLabel(x.type, x.is_reversal, l),
        x.number,
        x.description,
        amount(x.debit),
        amount(x.credit),
        amount(x.balance),
      ],
    })),
    ...(s.lines.length === 0 ? [{ cells: ['', '', '', l.noActivity, '', '', ''] }] : []),
    summary(l.periodTotals, amount(s.total_debit), amount(s.total_credit), ''),
    summary(l.closingBalance, '', '', amount(s.closing_balance)),
  ];
  drawTable(cur, statementColumns(l), rows);
  cur.y += 10;
  drawAging(cur, s, l);
  cur.y += 18;
}
