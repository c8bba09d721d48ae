import type { ColumnSpec } from '../../../shared/tabular/index.ts';

export type CustomerImportColumn =
  | 'customer_code'
  | 'customer_name'
  | 'legal_name'
  | 'tax_id'
  | 'contact_name'
  | 'email'
  | 'phone'
  | 'preferred_channel'
  | 'payment_terms_days'
  | 'credit_limit'
  | 'currency'
  | 'salesperson'
  | 'tags'
  | 'country';

/** Header spellings accepted for a customer master import. */
export const CUSTOMER_IMPORT_COLUMNS: ColumnSpec<CustomerImportColumn> = {
  customer_code: {
    required: true,
    aliases: [
      '客户编码',
      '客户代码',
      '客户编号',
      'code',
      'customer code',
      'customer id',
      'customer no',
      'client code',
    ],
  },
  customer_name: {
    required: true,
    aliases: ['客户名称', '客户', '客户简称', 'name', 'customer name', 'customer', 'client', 'client name'],
    // 客户全称 is the legal name when a short name sits beside it; alone it is the name.
    weakAliases: ['客户全称'],
  },
  legal_name: {
    required: false,
    aliases: ['法定名称', '公司全称', '企业名称', 'legal name', 'registered name', 'company name'],
  },
  tax_id: {
    required: false,
    aliases: ['税号', '纳税人识别号', '统一社会信用代码', 'tax id', 'tax number', 'vat number', 'vat id'],
  },
  contact_name: { required: false, aliases: ['联系人', 'contact', 'contact person'] },
  email: { required: false, aliases: ['邮箱', '电子邮箱', '电子邮件', 'e-mail', 'email address', 'mail'] },
  phone: {
    required: false,
    aliases: ['电话', '手机', '联系电话', 'telephone', 'tel', 'mobile', 'phone number'],
  },
  preferred_channel: {
    required: false,
    aliases: ['首选渠道', '联系渠道', '联系方式偏好', 'channel', 'preferred contact'],
  },
  payment_terms_days: {
    required: false,
    aliases: ['账期', '账期天数', '付款期限', 'payment terms', 'terms', 'terms days'],
  },
  credit_limit: { required: false, aliases: ['信用额度', 'credit', 'credit line'] },
  currency: { required: false, aliases: ['币种', '货币', '币别', 'ccy', 'currency code'] },
  salesperson: { required: false, aliases: ['销售员', '业务员', '销售人员', 'sales rep', 'sales person'] },
  tags: { required: false, aliases: ['标签', 'tag', 'labels'] },
  country: { required: false, aliases: ['国家', '国家代码', '国家/地区', 'country code'] },
};
