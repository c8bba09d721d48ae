/**
 * The CSV/Excel statement layouts the server knows (ids and names of
 * src/modules/banking/formats/csv BANK_PRESETS, copied: that module is server code). Keep in step
 * with the server; an id it does not know is refused with a validation error.
 */
export const BANK_PRESET_OPTIONS: readonly { id: string; en: string; zh: string }[] = [
  { id: 'icbc', en: 'ICBC', zh: '中国工商银行' },
  { id: 'ccb', en: 'China Construction Bank', zh: '中国建设银行' },
  { id: 'cmb', en: 'China Merchants Bank', zh: '招商银行' },
  { id: 'cmb-credit', en: 'China Merchants Bank credit card', zh: '招商银行信用卡' },
  { id: 'boc', en: 'Bank of China', zh: '中国银行' },
  { id: 'bocom', en: 'Bank of Communications', zh: '交通银行' },
  { id: 'alipay', en: 'Alipay', zh: '支付宝' },
  { id: 'wechat', en: 'WeChat Pay', zh: '微信支付' },
  { id: 'cn-corporate', en: 'Chinese corporate account (generic)', zh: '企业网银流水（通用）' },
  { id: 'european', en: 'European bank CSV', zh: '欧洲银行 CSV' },
];
