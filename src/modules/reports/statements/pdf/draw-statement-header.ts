import type { StatementLabels } from '../statement-labels.ts';
import type { TStatementDto } from '../statements.schemas.ts';
import { COLORS, CONTENT_WIDTH, CUSTOMER_NAME, type Doc, PAGE, TITLE } from './pdf-layout.ts';
import type { Cursor } from './pdf-table.ts';

/** Page one: the company, the title, who the statement is for and for when. */
export function drawStatementHeader(cur: Cursor, s: TStatementDto, l: StatementLabels): void {
  const { doc } = cur;
  const m = PAGE.margin;
  doc.fillColor(COLORS.muted).fontSize(11).text(s.org.name, m, m, { width: CONTENT_WIDTH });
  doc.fillColor(COLORS.text).fontSize(TITLE.size).text(l.title, TITLE.x, TITLE.y, { width: TITLE.width });
  doc.fontSize(CUSTOMER_NAME.size).text(s.customer.name, CUSTOMER_NAME.x, CUSTOMER_NAME.y, {
    width: CUSTOMER_NAME.width,
  });
  const left: string[] = [`${l.code}：${s.customer.code}`];
  if (s.customer.legal_name && s.customer.legal_name !== s.customer.name)
    left.unshift(`${l.legalName}：${s.customer.legal_name}`);
  const leftEnd = lines(doc, left, m, doc.y + 4, CUSTOMER_NAME.width);
  const rightX = m + CONTENT_WIDTH * 0.6;
  const right = [
    `${l.period}：${l.periodText(s.period.from, s.period.to)}`,
    `${l.generatedOn}：${s.generated_on}`,
    `${l.currency}：${s.sections.map((x) => x.currency).join(', ')}`,
  ];
  const rightEnd = lines(doc, right, rightX, CUSTOMER_NAME.y + 2, CONTENT_WIDTH * 0.4);
  cur.y = Math.max(leftEnd, rightEnd) + 12;
  doc
    .moveTo(m, cur.y)
    .lineTo(m + CONTENT_WIDTH, cur.y)
    .lineWidth(0.8)
    .strokeColor(COLORS.text)
    .stroke();
  cur.y += 12;
}

function lines(doc: Doc, texts: readonly string[], x: number, y: number, width: number): number {
  doc.fontSize(9).fillColor(COLORS.muted);
  let at = y;
  for (const t of texts) {
    doc.text(t, x, at, { width });
    at = doc.y + 2;
  }
  doc.fillColor(COLORS.text);
  return at;
}
