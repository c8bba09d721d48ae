import type { ColumnSpec } from '../../../shared/tabular/index.ts';

export type InvoiceImportColumn =
  | 'customer_code'
  | 'customer_name'
  | 'invoice_number'
  | 'issue_date'
  | 'due_date'
  | 'currency'
  | 'amount'
  | 'tax_amount'
  | 'po_number'
  | 'salesperson'
  | 'payment_terms_days'
  | 'fx_rate'
  | 'description';

/** Header spellings accepted for an invoice import, Chinese ERP and bank exports first. */
export const INVOICE_IMPORT_COLUMNS: ColumnSpec<InvoiceImportColumn> = {
  customer_code: {
    required: true,
    aliases: [
      '客户编码',
      '客户代码',
      '客户编号',
      'customer code',
      'customer id',
      'customer no',
      'client code',
    ],
  },
  customer_name: {
    required: true,
    aliases: [
      '客户名称',
      '客户',
      '客户全称',
      '购方名称',
      '购买方名称',
      'customer name',
      'customer',
      'client',
    ],
  },
  invoice_number: {
    required: true,
    aliases: [
      '发票号',
      '发票号码',
      '发票编号',
      '单据号',
      '单据编号',
      'invoice number',
      'invoice no',
      'invoice #',
      'invoice',
    ],
  },
  issue_date: {
    required: true,
    aliases: ['开票日期', '发票日期', '单据日期', 'issue date', 'invoice date', 'date'],
  },
  due_date: {
    required: true,
    aliases: ['到期日', '到期日期', '应收日期', '付款到期日', 'due date', 'due', 'payment due date'],
  },
  currency: { required: true, aliases: ['币种', '货币', '币别', 'currency', 'ccy', 'currency code'] },
  amount: {
    required: true,
    aliases: [
      '发票金额',
      '价税合计',
      '含税金额',
      '应收金额',
      'total',
      'total amount',
      'invoice amount',
      'gross amount',
    ],
    // In a VAT export 金额 is the net amount beside 价税合计; it is the total only when alone.
    weakAliases: ['金额'],
  },
  tax_amount: { required: false, aliases: ['税额', '增值税额', 'tax', 'tax amount', 'vat', 'vat amount'] },
  po_number: {
    required: false,
    aliases: ['订单号', '采购订单号', 'PO号', 'po', 'po number', 'purchase order', 'order number'],
  },
  salesperson: { required: false, aliases: ['销售员', '业务员', '销售人员', 'sales rep', 'sales person'] },
  payment_terms_days: {
    required: false,
    aliases: ['账期', '账期天数', '付款期限', 'payment terms', 'terms', 'terms days'],
  },
  fx_rate: { required: false, aliases: ['汇率', 'exchange rate', 'rate'] },
  description: {
    required: false,
    aliases: ['备注', '说明', '描述', 'memo', 'note', 'notes', 'remark', 'remarks'],
  },
};
