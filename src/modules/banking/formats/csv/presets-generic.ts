import type { BankPreset } from './bank-preset.types.ts';

/** The columns a Chinese corporate online-banking export uses, whichever bank printed it. */
const CN_CORPORATE: BankPreset = {
  id: 'cn-corporate',
  name: { en: 'Chinese corporate account (generic)', zh: '企业网银流水（通用）' },
  columns: {
    bookingDate: ['交易日期', '记账日期', '交易时间'],
    valueDate: ['起息日', '起息日期'],
    amount: ['交易金额', '发生额'],
    credit: ['收入金额', '贷方发生额', '贷方金额', '存入', '收入'],
    debit: ['支出金额', '借方发生额', '借方金额', '支取', '支出'],
    direction: ['借贷', '借贷标志', '借贷方向', '收/支'],
    currency: ['币种', '币别', '货币'],
    counterpartyName: ['对方户名', '对方名称', '对方账户名', '对方单位', '交易对方'],
    counterpartyAccount: ['对方账号', '对方账户'],
    remittance: ['摘要', '附言', '用途', '备注', '交易说明', '商品说明'],
    bankReference: ['交易流水号', '流水号', '交易单号', '商户单号'],
    balance: ['余额', '账户余额'],
  },
  dateOrder: 'ymd',
  decimalSeparator: '.',
  signRule: 'as-written',
  defaultCurrency: 'CNY',
};

/** A German-style export (semicolons, 1.234,56, 31.01.2025) and its English column names. */
const EUROPEAN: BankPreset = {
  id: 'european',
  name: { en: 'European bank CSV', zh: '欧洲银行 CSV' },
  columns: {
    bookingDate: ['Buchungstag', 'Buchungsdatum', 'Booking date'],
    valueDate: ['Valuta', 'Valutadatum', 'Wertstellung', 'Value date'],
    amount: ['Betrag', 'Umsatz', 'Amount'],
    currency: ['Währung', 'Waehrung', 'Currency'],
    counterpartyName: [
      'Auftraggeber/Empfänger',
      'Beguenstigter/Zahlungspflichtiger',
      'Empfänger',
      'Auftraggeber',
      'Name Zahlungsbeteiligter',
      'Counterparty',
    ],
    counterpartyAccount: ['IBAN', 'Kontonummer/IBAN', 'IBAN Zahlungsbeteiligter', 'Counterparty IBAN'],
    remittance: ['Verwendungszweck', 'Description'],
    bankReference: ['Kundenreferenz', 'Reference'],
    balance: ['Saldo', 'Balance'],
  },
  dateOrder: 'dmy',
  decimalSeparator: ',',
  signRule: 'as-written',
  defaultCurrency: 'EUR',
};

/** Tried last: a bank's own preset wins a tie. */
export const GENERIC_PRESETS: readonly BankPreset[] = [CN_CORPORATE, EUROPEAN];
