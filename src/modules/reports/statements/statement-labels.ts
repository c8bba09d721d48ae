import type { StatementLineType, StatementLocale } from './statements.schemas.ts';

/** Every word a statement prints, in both languages; the org's locale picks one. */
export type StatementLabels = {
  title: string;
  customer: string;
  code: string;
  legalName: string;
  period: string;
  periodText: (from: string, to: string) => string;
  generatedOn: string;
  currency: string;
  date: string;
  type: string;
  number: string;
  reference: string;
  description: string;
  debit: string;
  credit: string;
  balance: string;
  openingBalance: string;
  closingBalance: string;
  periodTotals: string;
  aging: string;
  buckets: [string, string, string, string, string];
  openInvoices: string;
  unapplied: string;
  balanceDue: string;
  page: (n: number, of: number) => string;
  types: Record<StatementLineType, string>;
  reversed: (type: string) => string;
  due: (date: string) => string;
  appliedTo: (invoice: string, amount: string) => string;
  forInvoice: (invoice: string) => string;
  refundOf: (receipt: string) => string;
  writeOffKinds: Record<string, string>;
  methods: Record<string, string>;
  noActivity: string;
};

const ZH: StatementLabels = {
  title: '对账单',
  customer: '客户',
  code: '客户编码',
  legalName: '法定名称',
  period: '对账期间',
  periodText: (from, to) => `${from} 至 ${to}`,
  generatedOn: '出具日期',
  currency: '币种',
  date: '日期',
  type: '类型',
  number: '单号',
  reference: '参考号',
  description: '摘要',
  debit: '借方',
  credit: '贷方',
  balance: '余额',
  openingBalance: '期初余额',
  closingBalance: '期末余额',
  periodTotals: '本期合计',
  aging: '账龄分析',
  buckets: ['未到期', '逾期1-30天', '逾期31-60天', '逾期61-90天', '逾期90天以上'],
  openInvoices: '未结发票合计',
  unapplied: '减：未核销收款及贷项',
  balanceDue: '应收余额',
  page: (n, of) => `第 ${n} 页，共 ${of} 页`,
  types: {
    invoice: '发票',
    credit_note: '贷项通知单',
    receipt: '收款',
    refund: '退款',
    write_off: '坏账核销',
    application: '核销',
  },
  reversed: (type) => `冲销${type}`,
  due: (date) => `到期日 ${date}`,
  appliedTo: (invoice, amount) => `核销发票 ${invoice}：${amount}`,
  forInvoice: (invoice) => `对应发票 ${invoice}`,
  refundOf: (receipt) => `退还收款 ${receipt}`,
  writeOffKinds: { bad_debt: '坏账', small_difference: '尾差' },
  methods: {
    bank_transfer: '银行转账',
    cash: '现金',
    cheque: '支票',
    card: '银行卡',
    draft: '汇票',
    other: '其他',
  },
  noActivity: '本期无发生额',
};

const EN: StatementLabels = {
  title: 'Statement of account',
  customer: 'Customer',
  code: 'Customer code',
  legalName: 'Legal name',
  period: 'Period',
  periodText: (from, to) => `${from} to ${to}`,
  generatedOn: 'Statement date',
  currency: 'Currency',
  date: 'Date',
  type: 'Type',
  number: 'Number',
  reference: 'Reference',
  description: 'Description',
  debit: 'Debit',
  credit: 'Credit',
  balance: 'Balance',
  openingBalance: 'Opening balance',
  closingBalance: 'Closing balance',
  periodTotals: 'Period totals',
  aging: 'Aging',
  buckets: ['Current', '1-30 days', '31-60 days', '61-90 days', 'Over 90 days'],
  openInvoices: 'Open invoices',
  unapplied: 'Less unapplied receipts and credits',
  balanceDue: 'Balance due',
  page: (n, of) => `Page ${n} of ${of}`,
  types: {
    invoice: 'Invoice',
    credit_note: 'Credit note',
    receipt: 'Receipt',
    refund: 'Refund',
    write_off: 'Write-off',
    application: 'Application',
  },
  reversed: (type) => `${type} reversed`,
  due: (date) => `due ${date}`,
  appliedTo: (invoice, amount) => `applied to ${invoice}: ${amount}`,
  forInvoice: (invoice) => `for invoice ${invoice}`,
  refundOf: (receipt) => `refund of receipt ${receipt}`,
  writeOffKinds: { bad_debt: 'bad debt', small_difference: 'small difference' },
  methods: {
    bank_transfer: 'bank transfer',
    cash: 'cash',
    cheque: 'cheque',
    card: 'card',
    draft: 'draft',
    other: 'other',
  },
  noActivity: 'No activity in the period',
};

export function statementLabels(locale: StatementLocale): StatementLabels {
  return locale === 'zh-CN' ? ZH : EN;
}

/** The org's locale, or English for any locale that is not Chinese. */
export function statementLocaleOf(orgLocale: string): StatementLocale {
  return orgLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
