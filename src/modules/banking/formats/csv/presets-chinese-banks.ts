import type { BankPreset } from './bank-preset.types.ts';

const CN = {
  dateOrder: 'ymd',
  decimalSeparator: '.',
  signRule: 'as-written',
  defaultCurrency: 'CNY',
} as const;

/** 工商银行: the booked amounts (记账金额) are the account's; 交易金额 is in the card's transaction currency. */
const ICBC: BankPreset = {
  ...CN,
  id: 'icbc',
  name: { en: 'ICBC', zh: '中国工商银行' },
  columns: {
    bookingDate: ['记账日期', '交易日期'],
    credit: ['记账金额(收入)'],
    debit: ['记账金额(支出)'],
    currency: ['记账币种'],
    counterpartyName: ['对方户名', '交易场所'],
    counterpartyAccount: ['对方账户', '对方账号'],
    remittance: ['摘要', '交易详情'],
    typeCode: ['摘要'],
    balance: ['余额'],
  },
};

/** 建设银行 交易明细 (column names as that export prints them; the sample is legacy .xls). */
const CCB: BankPreset = {
  ...CN,
  id: 'ccb',
  name: { en: 'China Construction Bank', zh: '中国建设银行' },
  columns: {
    bookingDate: ['记账日', '记账日期', '交易日期'],
    credit: ['收入', '收入金额'],
    debit: ['支出', '支出金额'],
    currency: ['币种', '币别'],
    counterpartyName: ['对方户名'],
    counterpartyAccount: ['对方账号'],
    remittance: ['摘要', '交易地点'],
    typeCode: ['摘要'],
    balance: ['账户余额', '余额'],
  },
};

const CMB_DEBIT: BankPreset = {
  ...CN,
  id: 'cmb',
  name: { en: 'China Merchants Bank', zh: '招商银行' },
  columns: {
    bookingDate: ['记账日期', '交易日期'],
    amount: ['交易金额'],
    currency: ['货币', '币种'],
    counterpartyName: ['对手信息'],
    remittance: ['交易摘要', '客户摘要'],
    typeCode: ['交易摘要'],
    balance: ['联机余额', '余额'],
  },
  splitsAccountFromName: true,
};

/** 招商银行信用卡对账单: spending positive, repayments negative; dates are MM/DD of the bill month. */
const CMB_CREDIT: BankPreset = {
  ...CN,
  id: 'cmb-credit',
  name: { en: 'China Merchants Bank credit card', zh: '招商银行信用卡' },
  columns: {
    bookingDate: ['记账日'],
    valueDate: ['交易日'],
    amount: ['人民币金额'],
    remittance: ['交易摘要'],
  },
  dateOrder: 'md-title-year',
  signRule: 'inverted',
};

/** 中国银行: the debit-card 交易流水明细单 (signed 金额) and the credit card bill (存入/支出). */
const BOC: BankPreset = {
  ...CN,
  id: 'boc',
  name: { en: 'Bank of China', zh: '中国银行' },
  columns: {
    bookingDate: ['记账日期', '银行记账日'],
    valueDate: ['交易日'],
    amount: ['金额'],
    credit: ['存入'],
    debit: ['支出'],
    currency: ['币别', '币种'],
    counterpartyName: ['对方账户名'],
    counterpartyAccount: ['对方卡号/账号'],
    remittance: ['交易名称', '附言', '交易描述'],
    typeCode: ['交易名称'],
    balance: ['余额'],
  },
};

/** 交通银行: unsigned amounts with a 借贷 column ("借 Dr" / "贷 Cr"). */
const BOCOM: BankPreset = {
  ...CN,
  id: 'bocom',
  name: { en: 'Bank of Communications', zh: '交通银行' },
  columns: {
    bookingDate: ['交易日期', '记账日期'],
    amount: ['交易金额'],
    direction: ['借贷', '借贷标志'],
    currency: ['币种'],
    counterpartyName: ['对方户名'],
    counterpartyAccount: ['对方账号'],
    remittance: ['摘要'],
    typeCode: ['交易类型'],
    balance: ['余额'],
  },
};

export const CN_BANK_PRESETS: readonly BankPreset[] = [ICBC, CCB, CMB_DEBIT, CMB_CREDIT, BOC, BOCOM];
