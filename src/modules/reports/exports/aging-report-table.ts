import type { TAgingReportDto } from '../aging/aging.schemas.ts';
import type { ReportTable } from './report-table.ts';

/** The aging as an exportable table: the buckets, unapplied cash and credits, the reconciliation. */
export function agingReportTable(r: TAgingReportDto, locale: 'en' | 'zh-CN' = 'en'): ReportTable {
  const zh = locale === 'zh-CN';
  const bucketHeaders = r.buckets.map((b) => (zh ? b.label_zh : b.label));
  const groupHeader = r.by ? [{ header: zh ? '分组' : r.by, kind: 'text' as const }] : [];
  const rows = [
    ...r.rows,
    ...r.totals.map((t) => ({ ...t, group: { key: '', label: zh ? '合计' : 'Total' } })),
  ];
  return {
    title: zh ? '应收账款账龄分析' : 'Accounts receivable aging',
    subtitle: [
      `${zh ? '截至' : 'As of'} ${r.as_of}; ${zh ? (r.basis === 'due' ? '按到期日' : '按开票日') : r.basis === 'due' ? 'by due date' : 'by invoice date'}`,
      r.reconciliation.is_balanced
        ? zh
          ? '与总账应收账款科目核对一致'
          : 'Agrees with the AR control account'
        : zh
          ? '与总账应收账款科目存在差异'
          : 'Differs from the AR control account',
    ],
    sections: [
      {
        title: zh ? '账龄' : 'Aging',
        columns: [
          ...groupHeader,
          { header: zh ? '币种' : 'Currency', kind: 'text' },
          ...bucketHeaders.map((h) => ({ header: h, kind: 'amount' as const })),
          { header: zh ? '合计' : 'Total', kind: 'amount' },
          { header: zh ? '发票数' : 'Invoices', kind: 'integer' },
        ],
        rows: rows.map((row) => [
          ...(r.by ? [row.group?.label ?? ''] : []),
          row.currency,
          ...row.buckets,
          row.total,
          row.invoices,
        ]),
      },
      {
        title: zh ? '未核销' : 'Unapplied',
        columns: [
          ...groupHeader,
          { header: zh ? '币种' : 'Currency', kind: 'text' },
          { header: zh ? '未核销收款' : 'Unapplied cash', kind: 'amount' },
          { header: zh ? '未核销贷项' : 'Unapplied credit notes', kind: 'amount' },
        ],
        rows: r.unapplied.map((u) => [
          ...(r.by ? [u.group?.label ?? ''] : []),
          u.currency,
          u.receipts,
          u.credit_notes,
        ]),
      },
      {
        title: zh ? '与总账核对' : 'Reconciliation',
        columns: [
          { header: zh ? '币种' : 'Currency', kind: 'text' },
          { header: zh ? '未结发票' : 'Open invoices', kind: 'amount' },
          { header: zh ? '未核销贷项' : 'Unapplied credit notes', kind: 'amount' },
          { header: zh ? '账龄净额' : 'Aging net', kind: 'amount' },
          { header: zh ? '应收账款科目' : 'AR control account', kind: 'amount' },
          { header: zh ? '差异' : 'Difference', kind: 'amount' },
        ],
        rows: r.reconciliation.lines.map((l) => [
          l.currency,
          l.open_invoices,
          l.unapplied_credit_notes,
          l.aging_net,
          l.ledger_receivable,
          l.difference,
        ]),
      },
    ],
  };
}
