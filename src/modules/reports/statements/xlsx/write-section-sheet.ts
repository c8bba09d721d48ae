import type { Workbook, Worksheet } from 'exceljs';
import { currencyExponent } from '../../../../shared/money/index.ts';
import { typeLabel } from '../describe-event.ts';
import type { StatementLabels } from '../statement-labels.ts';
import type { TStatementDto, TStatementSection } from '../statements.schemas.ts';

const DATE_FORMAT = 'yyyy-mm-dd';
const BOLD = { bold: true } as const;

/** Excel holds numbers as doubles: a decimal string converts exactly up to 15 significant digits. */
const num = (v: string | null) => (v === null ? null : Number(v));
const date = (d: string) => new Date(`${d}T00:00:00Z`);

function amountFormat(currency: string): string {
  const e = currencyExponent(currency);
  const frac = e > 0 ? `.${'0'.repeat(e)}` : '';
  return `#,##0${frac};-#,##0${frac}`;
}

export function writeSectionSheet(
  wb: Workbook,
  s: TStatementDto,
  x: TStatementSection,
  l: StatementLabels,
): void {
  const ws = wb.addWorksheet(x.currency);
  ws.addRow([s.org.name]);
  ws.addRow([l.title]).font = { bold: true, size: 16 };
  ws.addRow([l.customer, s.customer.name]);
  ws.addRow([l.code, s.customer.code]);
  if (s.customer.legal_name) ws.addRow([l.legalName, s.customer.legal_name]);
  ws.addRow([l.period, date(s.period.from), date(s.period.to)]);
  ws.addRow([l.generatedOn, date(s.generated_on)]);
  ws.addRow([l.currency, x.currency]);
  ws.addRow([]);
  const header = ws.addRow([
    l.date,
    l.type,
    l.number,
    l.reference,
    l.description,
    l.debit,
    l.credit,
    l.balance,
  ]);
  header.font = BOLD;
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.addRow([null, null, null, null, l.openingBalance, null, null, num(x.opening_balance)]).font = BOLD;
  for (const line of x.lines) {
    ws.addRow([
      date(line.date),
      typeLabel(line.type, line.is_reversal, l),
      line.number,
      line.reference,
      line.description,
      num(line.debit),
      num(line.credit),
      num(line.balance),
    ]);
  }
  ws.addRow([null, null, null, null, l.periodTotals, num(x.total_debit), num(x.total_credit)]).font = BOLD;
  ws.addRow([null, null, null, null, l.closingBalance, null, null, num(x.closing_balance)]).font = BOLD;
  ws.addRow([]);
  writeAging(ws, x, l);
  formatColumns(ws, x.currency);
}

function writeAging(ws: Worksheet, x: TStatementSection, l: StatementLabels): void {
  const a = x.aging;
  ws.addRow([l.aging]).font = BOLD;
  ws.addRow([null, null, ...l.buckets, l.openInvoices]).font = BOLD;
  ws.addRow([
    null,
    null,
    ...[a.current, a.days_1_30, a.days_31_60, a.days_61_90, a.over_90, a.open_invoices].map(num),
  ]);
  ws.addRow([null, null, null, null, null, null, l.unapplied, num(a.unapplied)]);
  ws.addRow([null, null, null, null, null, null, l.balanceDue, num(a.balance)]).font = BOLD;
}

function formatColumns(ws: Worksheet, currency: string): void {
  const widths = [12, 14, 16, 16, 44, 14, 14, 16];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const money = amountFormat(currency);
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
      else if (typeof cell.value === 'number') cell.numFmt = money;
    });
  });
}
