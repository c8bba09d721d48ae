import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BANK_PRESETS,
  detectPreset,
  looksBankTable,
  parseBankTable,
} from '../../src/modules/banking/formats/csv/index.ts';
import type { ParsedStatementFile, ParsedTransaction } from '../../src/modules/banking/statement.types.ts';
import { AppError } from '../../src/shared/errors/index.ts';
import { sharedDataFile } from '../support/shared-data.ts';

const DIR = sharedDataFile('bank-statements/cn-banks');
const hasData = existsSync(DIR);
if (!hasData) console.warn(`SKIPPED: the Chinese bank samples are not at ${DIR} (../shared/data absent)`);

const sample = (path: string): { name: string; bytes: Uint8Array } => ({
  name: path.split('/').pop() ?? path,
  bytes: new Uint8Array(readFileSync(`${DIR}/${path}`)),
});
const text = (path: string): string => readFileSync(`${DIR}/${path}`, 'utf8');
const utf8 = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });

/** The rejection message, or a failure when the file was accepted. */
async function rejection(file: { name: string; bytes: Uint8Array }, preset?: string): Promise<string> {
  try {
    await parseBankTable(file, preset);
  } catch (e) {
    if (e instanceof AppError) {
      expect(e.code).toBe('STATEMENT_REJECTED');
      return e.message;
    }
    throw e;
  }
  throw new Error(`${file.name} was accepted`);
}

type Expected = {
  path: string;
  preset: string;
  /** Per statement: currency, entries, money in, money out (minor units), counted from the file. */
  statements: [string, number, bigint, bigint][];
  account?: string;
  ledger: string;
  /** The ledger tool's own skip rules (config.yaml ignore) leave these entries out of its output. */
  ledgerLeavesOut?: number;
};

// Counts and sums are the file's own rows (totals and notes excluded), checked by hand against the
// exports; each ledger entry of the tool's output must be among them (same date, amount, text).
const SAMPLES: Expected[] = [
  {
    path: 'icbc/credit/example-icbc-credit-records.csv',
    preset: 'icbc',
    statements: [['CNY', 9, 462101n, -36313n]],
    account: '1234****5678',
    ledger: 'icbc/credit/example-icbc-credit-output.beancount',
    ledgerLeavesOut: 5,
  },
  {
    path: 'icbc/debit-v1/example-icbc-debit-v1-records.csv',
    preset: 'icbc',
    statements: [['CNY', 11, 284174n, -424108n]],
    account: '1234****9876',
    ledger: 'icbc/debit-v1/example-icbc-debit-v1-output.beancount',
    ledgerLeavesOut: 4,
  },
  {
    path: 'icbc/debit-v2/example-icbc-debit-v2-records.csv',
    preset: 'icbc',
    statements: [['CNY', 11, 284174n, -424108n]],
    account: '1234****9876',
    ledger: 'icbc/debit-v2/example-icbc-debit-v2-output.beancount',
    ledgerLeavesOut: 4,
  },
  {
    path: 'cmb/credit/example-cmb-records.csv',
    preset: 'cmb-credit',
    statements: [['CNY', 6, 38080n, -805678n]],
    ledger: 'cmb/credit/example-cmb-credit-output.beancount',
    ledgerLeavesOut: 1,
  },
  {
    path: 'cmb/debit/example-cmb-records.csv',
    preset: 'cmb',
    statements: [['CNY', 5, 123400n, -201314n]],
    ledger: 'cmb/debit/example-cmb-debit-output.beancount',
  },
  {
    path: 'boc/credit/example-boc-records.csv',
    preset: 'boc',
    statements: [
      ['CNY', 13, 98984n, -122809n],
      ['USD', 1, 0n, -372n],
    ],
    ledger: 'boc/credit/example-boc-credit-output.beancount',
    ledgerLeavesOut: 7,
  },
  {
    path: 'boc/debit/example-boc-records.csv',
    preset: 'boc',
    statements: [['CNY', 17, 982100n, -939430n]],
    ledger: 'boc/debit/example-boc-debit-output.beancount',
    ledgerLeavesOut: 9,
  },
  {
    path: 'bocom_debit/example-bocom_debit-records.csv',
    preset: 'bocom',
    statements: [['CNY', 6, 1125n, -11400n]],
    ledger: 'bocom_debit/example-bocom_debit-output.beancount',
  },
  {
    path: 'alipay/example-alipay-records.csv',
    preset: 'alipay',
    // 10 rows: 3 closed orders (交易关闭) and 2 more 不计收支 rows are skipped.
    statements: [['CNY', 5, 22222850n, -16164n]],
    account: 'xx@gmail.com',
    ledger: 'alipay/example-alipay-output.beancount',
  },
  {
    path: 'wechat/example-wechat-records.csv',
    preset: 'wechat',
    // 27 rows: the 11 neutral ones (收/支 "/") are skipped.
    statements: [['CNY', 16, 2849n, -290453n]],
    ledger: 'wechat/example-wechat-output.beancount',
  },
  {
    path: 'wechat/example-wechat-records.xlsx',
    preset: 'wechat',
    statements: [['CNY', 16, 2849n, -290453n]],
    ledger: 'wechat/example-wechat-output.beancount',
  },
];

type LedgerEntry = { date: string; texts: string[]; amount: bigint; currency: string; type: string | null };

/** Entries of a double-entry-generator beancount file: date, payee/narration, amount, 收入/支出 type. */
function readLedger(path: string): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let current: LedgerEntry | null = null;
  for (const line of text(path).split('\n')) {
    const head = /^(\d{4}-\d{2}-\d{2}) \* "([^"]*)"(?: "([^"]*)")?/.exec(line);
    if (head) {
      current = {
        date: head[1] ?? '',
        texts: [head[2] ?? '', head[3] ?? ''],
        amount: -1n,
        currency: '',
        type: null,
      };
      entries.push(current);
      continue;
    }
    if (!current) continue;
    const meta = /^\t(\w+): "(.*)"$/.exec(line);
    if (meta?.[1] === 'type') current.type = meta[2] ?? null;
    const posting = /^\t\S+ (-?)(\d+)\.(\d{2}) ([A-Z]{3})$/.exec(line);
    if (posting && current.amount < 0n) {
      current.amount = BigInt(`${posting[2]}${posting[3]}`);
      current.currency = posting[4] ?? '';
    }
  }
  return entries;
}

/** Same day (booking or transaction date: the tool uses either), same amount and currency. */
function matches(entry: LedgerEntry, t: ParsedTransaction): boolean {
  const amount = t.amountMinor < 0n ? -t.amountMinor : t.amountMinor;
  const isSameDay = entry.date === t.bookingDate || entry.date === t.valueDate;
  return isSameDay && amount === entry.amount && t.currency === entry.currency;
}

/** Ledger entries left without a transaction of their own (each transaction used once). */
function unmatchedEntries(ledger: LedgerEntry[], transactions: ParsedTransaction[]): LedgerEntry[] {
  const free = [...transactions];
  return ledger.filter((e) => {
    const sign = e.type === '收入' ? 1n : e.type === '支出' ? -1n : 0n;
    const at = free.findIndex((t) => matches(e, t) && (sign === 0n || t.amountMinor === sign * e.amount));
    if (at < 0) return true;
    free.splice(at, 1);
    return false;
  });
}

const all = (file: ParsedStatementFile): ParsedTransaction[] =>
  file.statements.flatMap((s) => s.transactions);

describe.skipIf(!hasData)('bank CSV/xlsx presets on the cn-banks samples', () => {
  for (const expected of SAMPLES) {
    it(`${expected.path}: counts, sums, account and every ledger entry`, async () => {
      const file = sample(expected.path);
      expect(looksBankTable(file.bytes, file.name)).toBe(true);
      const parsed = await parseBankTable(file);
      const again = await parseBankTable(file, expected.preset);
      expect(again).toEqual(parsed);
      expect(parsed.statements.map((s) => s.account.currency)).toEqual(expected.statements.map((s) => s[0]));
      parsed.statements.forEach((statement, i) => {
        const [, count, moneyIn, moneyOut] = expected.statements[i] ?? [];
        const amounts = statement.transactions.map((t) => t.amountMinor);
        expect(amounts).toHaveLength(count ?? -1);
        expect(amounts.filter((a) => a > 0n).reduce((a, b) => a + b, 0n)).toBe(moneyIn);
        expect(amounts.filter((a) => a < 0n).reduce((a, b) => a + b, 0n)).toBe(moneyOut);
        if (expected.account) expect(statement.account.number).toBe(expected.account);
      });
      const transactions = all(parsed);
      const ledger = readLedger(expected.ledger);
      const directional = ledger.filter((e) => e.type !== '/' && e.type !== '不计收支');
      expect(unmatchedEntries(directional, transactions)).toEqual([]);
      expect(transactions.length - directional.length).toBe(expected.ledgerLeavesOut ?? 0);
    });
  }

  it('reads the WeChat xlsx and CSV bills to the same transactions', async () => {
    const csv = all(await parseBankTable(sample('wechat/example-wechat-records.csv')));
    const xlsx = all(await parseBankTable(sample('wechat/example-wechat-records.xlsx')));
    const strip = (ts: ParsedTransaction[]) => ts.map(({ location: _, ...t }) => t);
    expect(strip(xlsx)).toEqual(strip(csv));
    expect(xlsx[0]?.location).toBe('line 19');
  });

  it('maps the fields of a BOC debit row and derives the balances from its running balance', async () => {
    const parsed = await parseBankTable(sample('boc/debit/example-boc-records.csv'));
    const [statement] = parsed.statements;
    expect(parsed.encoding).toBe('utf-8');
    expect(statement?.openingBalance).toEqual({ amountMinor: 281358n, date: '2025-08-01' });
    expect(statement?.closingBalance).toEqual({ amountMinor: 324028n, date: '2025-08-22' });
    expect(statement?.transactions[11]).toEqual({
      bookingDate: '2025-08-05',
      valueDate: null,
      amountMinor: 577100n,
      currency: 'CNY',
      counterpartyName: '美金数据有限公司',
      counterpartyAccount: '4520******1924',
      remittance: '工资',
      bankReference: null,
      endToEndId: null,
      typeCode: '工资',
      location: 'line 14',
    });
  });

  it('gives no balances where the running balance does not chain (anonymised samples)', async () => {
    for (const path of [
      'cmb/debit/example-cmb-records.csv',
      'icbc/debit-v1/example-icbc-debit-v1-records.csv',
    ]) {
      const [statement] = (await parseBankTable(sample(path))).statements;
      expect(statement?.openingBalance).toBeNull();
      expect(statement?.closingBalance).toBeNull();
    }
  });

  it('reads Alipay GBK, wallet directions, CMB name+account and CMB credit MM/DD dates', async () => {
    const alipay = await parseBankTable(sample('alipay/example-alipay-records.csv'));
    expect(alipay.encoding).toBe('gb18030');
    expect(all(alipay)[2]).toMatchObject({ amountMinor: 22222850n, counterpartyAccount: 'xxx***@163.com' });
    const cmb = all(await parseBankTable(sample('cmb/debit/example-cmb-records.csv')));
    expect(cmb[0]).toMatchObject({
      counterpartyName: '北京住房公积金管理中心',
      counterpartyAccount: '1111111111',
    });
    const credit = all(await parseBankTable(sample('cmb/credit/example-cmb-records.csv')));
    expect(credit.map((t) => [t.bookingDate, t.valueDate, t.amountMinor])).toEqual([
      ['2023-12-29', null, 123n],
      ['2023-12-30', null, 34567n],
      ['2024-01-01', null, 3000n],
      ['2024-01-03', '2024-01-02', -5678n],
      ['2024-01-04', '2024-01-03', 390n],
      ['2024-01-07', '2024-01-05', -800000n],
    ]);
  });

  it('rejects the CCB legacy .xls with a clear message', async () => {
    const file = sample('ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls');
    expect(looksBankTable(file.bytes, file.name)).toBe(false);
    expect(await rejection(file)).toBe(
      '交易明细_xxxx_2025xxxx_2025xxxx.xls: file: legacy Excel 97-2003 (.xls) workbooks (as CCB exports) ' +
        'cannot be read yet; save it as .xlsx or CSV; nothing was imported',
    );
  });

  describe('broken variants of the samples', () => {
    it('a file cut in the middle of a row', async () => {
      const csv = text('boc/debit/example-boc-records.csv');
      const cut = csv.slice(0, csv.indexOf('2025-08-07') + 30);
      expect(await rejection(utf8('cut.csv', cut))).toBe(
        'cut.csv: line 12: the row has 4 cells but the header has 13 (cut off?); nothing was imported',
      );
    });

    it('a file cut inside a quoted amount', async () => {
      const csv = text('cmb/debit/example-cmb-records.csv');
      const cut = csv.slice(0, csv.indexOf('"1,218'));
      expect(await rejection(utf8('cut.csv', `${cut}"1,2`))).toContain(
        'cut.csv: line 6: a quoted cell is never closed',
      );
    });

    it('a corrupted amount, date, currency and direction name the line and column', async () => {
      const cmb = text('cmb/debit/example-cmb-records.csv').replace('-3.00', '-3.0O');
      expect(await rejection(utf8('amount.csv', cmb))).toBe(
        'amount.csv: line 4: column 交易金额: bad amount "-3.0O" (use a number like 1234.56); nothing was imported',
      );
      const boc = text('boc/debit/example-boc-records.csv').replace('2025-08-19', '2025-02-30');
      expect(await rejection(utf8('date.csv', boc))).toBe(
        'date.csv: line 7: column 记账日期: bad date "2025-02-30"; nothing was imported',
      );
      const currency = text('boc/credit/example-boc-records.csv').replace(',USD', ',XYZ');
      expect(await rejection(utf8('ccy.csv', currency))).toContain(
        'line 16: column 币种: unknown currency "XYZ"',
      );
      const bocom = text('bocom_debit/example-bocom_debit-records.csv').replace('借 Dr,3.21', '转,3.21');
      expect(await rejection(utf8('dir.csv', bocom))).toContain(
        'line 3: column 借贷: "转" says neither in nor out',
      );
    });

    it('too many decimals, both or neither of income and expense', async () => {
      const icbc = text('icbc/credit/example-icbc-credit-records.csv');
      expect(await rejection(utf8('d.csv', icbc.replaceAll('"18.00 ', '"18.001')))).toContain(
        'line 9: column 记账金额(支出): amount "18.001" has 3 decimal places but CNY allows 2',
      );
      expect(await rejection(utf8('d.csv', icbc.replaceAll('"18.00', '"18.005')))).toContain(
        '3 decimal places',
      );
      expect(await parseBankTable(utf8('ok.csv', icbc.replaceAll('"18.00 ', '"18.000')))).toBeTruthy();
      const boc = text('boc/credit/example-boc-records.csv');
      expect(await rejection(utf8('b.csv', boc.replace(',,50.00,', ',1.00,50.00,')))).toContain(
        'line 3: column 存入: both the income and the expense column hold an amount',
      );
      expect(await rejection(utf8('n.csv', boc.replace(',,50.00,', ',,,')))).toContain(
        'line 3: column 存入: neither the income nor the expense column holds an amount',
      );
    });

    it('a totals line and notes are skipped, a masked balance is unknown, other junk rejects', async () => {
      const base = text('icbc/debit-v2/example-icbc-debit-v2-records.csv');
      const withNote = `${base}\n------------------\n注：本明细仅供参考\n`;
      expect(all(await parseBankTable(utf8('n.csv', withNote)))).toHaveLength(11);
      const junk = `${base}\n2023-05-09,stray text\n`;
      expect(await rejection(utf8('j.csv', junk))).toContain('j.csv: line');
    });

    it('a file of only title lines, a header without amounts, an unknown preset', async () => {
      expect(await rejection(utf8('t.csv', '明细查询文件下载\n卡号: 1\n'))).toContain(
        'no header row with the columns of any bank preset',
      );
      expect(await rejection(utf8('h.csv', '交易日期,摘要\n2024-01-01,x\n'))).toContain('no header row');
      expect(await rejection(sample('cmb/debit/example-cmb-records.csv'), 'nope')).toContain(
        'unknown bank preset "nope"',
      );
      expect(await rejection(sample('cmb/debit/example-cmb-records.csv'), 'alipay')).toContain(
        "no header row with the alipay preset's columns",
      );
    });

    it('a CMB credit bill without its title line has no year for its dates', async () => {
      const bill = text('cmb/credit/example-cmb-records.csv').split('\n').slice(1).join('\n');
      expect(await rejection(utf8('c.csv', bill))).toContain('line 1: the dates have no year');
    });
  });
});

describe('generic presets on built files', () => {
  it('a Chinese corporate export with title lines, 贷方/借方发生额 and a totals line', async () => {
    const csv = [
      '账户明细查询',
      '账号：11001234567890,户名：上海某某有限公司',
      '交易日期,交易流水号,摘要,贷方发生额,借方发生额,余额,对方户名,对方账号,附言',
      '2025-03-01,SN001,货款,"12,000.00",,"112,000.00",北京客户有限公司,6222000011112222,INV-2025-001',
      '2025-03-02,SN002,手续费,,5.50,"111,994.50",,,',
      '合计,,,"12,000.00",5.50,,,,',
    ].join('\r\n');
    const parsed = await parseBankTable(utf8('corp.csv', csv));
    const [statement] = parsed.statements;
    expect(detectPreset(csv.split('\r\n')[2]?.split(',') ?? [])?.preset.id).toBe('cn-corporate');
    expect(statement?.account).toEqual({
      iban: null,
      number: '11001234567890',
      currency: 'CNY',
      name: '上海某某有限公司',
    });
    expect(statement?.transactions[0]).toMatchObject({
      bookingDate: '2025-03-01',
      amountMinor: 1200000n,
      counterpartyName: '北京客户有限公司',
      counterpartyAccount: '6222000011112222',
      remittance: '货款 INV-2025-001',
      bankReference: 'SN001',
    });
    expect(statement?.transactions[1]?.amountMinor).toBe(-550n);
    expect(statement?.openingBalance).toEqual({ amountMinor: 10000000n, date: '2025-03-01' });
    expect(statement?.closingBalance).toEqual({ amountMinor: 11199450n, date: '2025-03-02' });
  });

  const german = [
    'Umsätze Girokonto;;;;;;;',
    'Buchungstag;Valuta;Auftraggeber/Empfänger;IBAN;Verwendungszweck;Betrag;Währung;Saldo',
    '03.02.2025;04.02.2025;Müller GmbH;DE02120300000000202051;Rechnung RE-4711 Überweisung;1.234,56;EUR;2.234,56',
    '05.02.2025;05.02.2025;Bäckerei Weiß;DE02500105170137075030;Gebühr;-12,50;EUR;2.222,06',
  ].join('\n');

  it('a European Latin-1 CSV: semicolons, decimal comma, dd.mm.yyyy', async () => {
    const parsed = await parseBankTable({
      name: 'umsatz.csv',
      bytes: new Uint8Array(Buffer.from(german, 'latin1')),
    });
    expect(parsed.encoding).toBe('latin-1');
    const [statement] = parsed.statements;
    expect(
      statement?.transactions.map((t) => [t.bookingDate, t.valueDate, t.amountMinor, t.currency]),
    ).toEqual([
      ['2025-02-03', '2025-02-04', 123456n, 'EUR'],
      ['2025-02-05', '2025-02-05', -1250n, 'EUR'],
    ]);
    expect(statement?.transactions[1]?.counterpartyName).toBe('Bäckerei Weiß');
    expect(statement?.openingBalance).toEqual({ amountMinor: 100000n, date: '2025-02-03' });
    expect(looksBankTable(new Uint8Array(Buffer.from(german, 'latin1')), 'umsatz.csv')).toBe(true);
  });

  it('its English form, and a decimal point where a comma belongs is rejected', async () => {
    const english = [
      'Booking date;Value date;Counterparty;Counterparty IBAN;Description;Amount;Currency',
      '31.01.2025;31.01.2025;ACME Ltd;GB33BUKB20201555555555;Invoice 42;-1.000,00;EUR',
    ].join('\n');
    const [t] = all(await parseBankTable(utf8('en.csv', english)));
    expect(t).toMatchObject({
      amountMinor: -100000n,
      remittance: 'Invoice 42',
      counterpartyName: 'ACME Ltd',
    });
    expect(await rejection(utf8('en.csv', english.replace('-1.000,00', '1,000.00')))).toContain(
      'line 2: column Amount: bad amount "1,000.00" (use a number like 1.234,56)',
    );
    expect(await rejection(utf8('en.csv', english.replace('31.01.2025;31', '32.01.2025;31')))).toContain(
      'line 2: column Booking date: bad date "32.01.2025"',
    );
  });

  it('every preset has a unique id and both names', () => {
    expect(new Set(BANK_PRESETS.map((p) => p.id)).size).toBe(BANK_PRESETS.length);
    for (const p of BANK_PRESETS) expect(p.name.en && p.name.zh).toBeTruthy();
  });

  it('does not claim other statement formats', () => {
    const mt940 = ':20:STARTUMS\n:25:12345678/0001\n:28C:1\n:60F:C250101EUR100,00\n';
    const camt = '<?xml version="1.0"?><Document><BkToCstmrStmt></BkToCstmrStmt></Document>';
    const invoices = 'invoice_number,customer_code,amount\nINV-1,C1,10.00\n';
    for (const content of [mt940, camt, invoices, '']) {
      expect(looksBankTable(new TextEncoder().encode(content), 'x.csv')).toBe(false);
    }
  });
});
