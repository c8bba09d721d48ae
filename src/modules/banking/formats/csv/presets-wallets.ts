import type { BankPreset } from './bank-preset.types.ts';

const WALLET = {
  dateOrder: 'ymd',
  decimalSeparator: '.',
  signRule: 'as-written',
  defaultCurrency: 'CNY',
} as const;

/**
 * Alipay and WeChat Pay bills: unsigned amounts with a 收/支 column. Rows marked 不计收支 / "/"
 * (transfers between the user's own balances, fund purchases) carry no direction and are skipped.
 */
const ALIPAY: BankPreset = {
  ...WALLET,
  id: 'alipay',
  name: { en: 'Alipay', zh: '支付宝' },
  columns: {
    bookingDate: ['交易时间', '交易创建时间', '付款时间'],
    amount: ['金额'],
    direction: ['收/支'],
    counterpartyName: ['交易对方'],
    counterpartyAccount: ['对方账号'],
    remittance: ['商品说明', '商品名称', '备注'],
    bankReference: ['交易订单号', '交易号', '商家订单号', '商户订单号'],
    typeCode: ['交易分类'],
    status: ['交易状态'],
  },
  skipStatuses: ['交易关闭', '支付失败', '交易失败'],
};

const WECHAT: BankPreset = {
  ...WALLET,
  id: 'wechat',
  name: { en: 'WeChat Pay', zh: '微信支付' },
  columns: {
    bookingDate: ['交易时间'],
    amount: ['金额'],
    direction: ['收/支'],
    counterpartyName: ['交易对方'],
    remittance: ['商品', '备注'],
    bankReference: ['交易单号', '商户单号'],
    typeCode: ['交易类型'],
    status: ['当前状态'],
  },
  skipStatuses: ['交易关闭', '支付失败', '已关闭'],
};

export const WALLET_PRESETS: readonly BankPreset[] = [ALIPAY, WECHAT];
