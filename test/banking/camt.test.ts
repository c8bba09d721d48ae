import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksCamt, parseCamt } from '../../src/modules/banking/formats/camt/index.ts';
import type {
  ParsedStatement,
  ParsedStatementFile,
  StatementWarningCode,
} from '../../src/modules/banking/statement.types.ts';
import { AppError } from '../../src/shared/errors/index.ts';
import { sharedDataFile } from '../support/shared-data.ts';

const FOLDER = 'bank-statements/camt-genkgo';
const DIR = sharedDataFile(FOLDER);
const hasData = existsSync(DIR);
if (!hasData) console.warn(`SKIPPED: the camt samples are not at ${DIR} (../shared/data absent)`);

const textOf = (name: string): string => readFileSync(sharedDataFile(FOLDER, name), 'utf8');
const parseText = (text: string, name = 'variant.xml'): ParsedStatementFile =>
  parseCamt({ name, bytes: new TextEncoder().encode(text) });
const parse = (name: string): ParsedStatementFile => parseText(textOf(name), name);

/** The rejection message of a parse that must fail (and the proof that it is ours). */
function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STATEMENT_REJECTED');
    return (error as Error).message;
  }
  throw new Error('expected the file to be rejected');
}

type Expected = {
  file: string;
  records: {
    record_id: string;
    account: string;
    entries: { amount_minor: number; currency: string }[];
    balances: { type: string; amount_minor: number }[];
  }[];
};
const summary = (): Expected[] => JSON.parse(textOf('EXPECTED_SUMMARY.json')) as Expected[];

const total = (s: ParsedStatement): bigint => s.transactions.reduce((t, x) => t + x.amountMinor, 0n);

/** Compares a parse with genkgo's summary: per record the account, entry count and sum, booked balances. */
function expectSummary(
  file: ParsedStatementFile,
  name: string,
  balances: { closing: boolean } = { closing: true },
): void {
  const expected = summary().find((e) => e.file === name);
  expect(expected, `${name} in EXPECTED_SUMMARY.json`).toBeDefined();
  for (const record of expected?.records ?? []) {
    const statement = file.statements.find((s) => s.statementId === record.record_id);
    expect(statement, `${name}: statement ${record.record_id}`).toBeDefined();
    if (!statement) continue;
    expect(statement.account.iban ?? statement.account.number).toBe(record.account);
    expect(statement.transactions).toHaveLength(record.entries.length);
    expect(total(statement)).toBe(BigInt(record.entries.reduce((t, e) => t + e.amount_minor, 0)));
    for (const [i, entry] of record.entries.entries())
      expect(statement.transactions[i]?.currency).toBe(entry.currency);
    const opening = record.balances.find((b) => b.type === 'opening');
    const closing = record.balances.find((b) => b.type === 'closing');
    expect(statement.openingBalance?.amountMinor ?? null).toBe(opening ? BigInt(opening.amount_minor) : null);
    if (balances.closing)
      expect(statement.closingBalance?.amountMinor ?? null).toBe(
        closing ? BigInt(closing.amount_minor) : null,
      );
  }
}

/** Samples that parse as they are (genkgo's summary holds for them). */
const VALID: { file: string; format: string; statements: number }[] = [
  { file: 'camt052.v1.xml', format: 'camt.052', statements: 1 },
  { file: 'camt052.v2.xml', format: 'camt.052', statements: 1 },
  { file: 'camt052.v2.other-account.xml', format: 'camt.052', statements: 1 },
  { file: 'camt052.v4.xml', format: 'camt.052', statements: 1 },
  { file: 'camt052.v6.xml', format: 'camt.052', statements: 1 },
  { file: 'camt052.v6.Amt-zero.xml', format: 'camt.052', statements: 1 },
  { file: 'camt052.v8.xml', format: 'camt.052', statements: 1 },
  { file: 'camt053.v2.multi.statement.xml', format: 'camt.053', statements: 2 },
  { file: 'camt053.v2.with-account-name.xml', format: 'camt.053', statements: 1 },
  { file: 'camt054.v2.xml', format: 'camt.054', statements: 1 },
  { file: 'camt054.v4.xml', format: 'camt.054', statements: 1 },
  { file: 'camt054.v8.xml', format: 'camt.054', statements: 1 },
  { file: 'camt53.only-Dt-with-DtTm.xml', format: 'camt.053', statements: 1 },
];

const dropBalance = (code: string) => (text: string) =>
  text.replace(new RegExp(`<Bal>(?:(?!</Bal>)[\\s\\S])*<Cd>${code}</Cd>[\\s\\S]*?</Bal>\\s*`), '');
const addBookingDate = (text: string) =>
  text.replace('</Sts>', '</Sts><BookgDt><Dt>2007-10-18</Dt></BookgDt>');

type ExpectedWarning = { code: StatementWarningCode; element: string; message: string };

const currencyWarning = (account: string): ExpectedWarning => ({
  code: 'BALANCE_CURRENCY_MISMATCH',
  element: 'BkToCstmrStmt/Stmt[1]/Bal[2]',
  message: `the closing balance is in SEK but ${account} EUR: the closing balance is ignored`,
});
const dateWarning = (report: string): ExpectedWarning => ({
  code: 'DATE_MISSING',
  element: `${report}/Ntry[1]`,
  message: `the entry has neither <BookgDt> nor <ValDt>: took 2007-10-18 from <${report.split('/')[0]}/GrpHdr/CreDtTm>`,
});

/**
 * Samples whose own arithmetic does not hold: booked balances that do not add up, disagree or are
 * in another currency than the account, a transaction amount that contradicts its entry, an entry
 * with no date at all. They lose no transaction, so they parse with every entry and a warning
 * naming the fault. `closing: false` where the closing balance is dropped (in a foreign currency;
 * genkgo's summary reports its amount anyway). `repair` removes just that fault in memory, and the
 * repaired file must then parse without warnings and match genkgo's summary, as a cross-check that
 * the warning is the only thing wrong.
 */
const WARNED: {
  file: string;
  warnings: ExpectedWarning[];
  repair: (text: string) => string;
  closing: boolean;
}[] = [
  {
    file: 'camt053.v2.five.decimals.xml',
    warnings: [
      {
        code: 'BALANCE_MISMATCH',
        element: 'BkToCstmrStmt/Stmt[1]',
        message:
          'statement 253EURNL26VAYB8060476890 does not add up: opening 18.15 + booked entries 8.85 = 27.00, but the closing balance is 27.05 EUR',
      },
    ],
    repair: (t) => t.replace('<Amt Ccy="EUR">27.050</Amt>', '<Amt Ccy="EUR">27.000</Amt>'),
    closing: true,
  },
  {
    file: 'camt053.v2.all-balance-types.xml',
    warnings: [
      {
        code: 'BALANCE_MISMATCH',
        element: 'BkToCstmrStmt/Stmt[1]/Bal[2]',
        message:
          'OPBD/PRCD balances disagree: BkToCstmrStmt/Stmt[1]/Bal[1] (OPBD 1.01 EUR) and BkToCstmrStmt/Stmt[1]/Bal[2] (PRCD 2.02 EUR); kept the OPBD, which the standard puts first',
      },
      {
        code: 'BALANCE_MISMATCH',
        element: 'BkToCstmrStmt/Stmt[1]',
        message:
          'statement CAMT0532015012200001 does not add up: opening 1.01 + booked entries 8.85 = 9.86, but the closing balance is 4.04 EUR',
      },
    ],
    repair: (t) => dropBalance('CLBD')(dropBalance('PRCD')(t)),
    closing: true,
  },
  ...['camt053.v2.minimal.xml', 'camt053.v2.minimal.ultimate.xml', 'camt053.v2.with-party-ids.xml'].map(
    (file) => ({
      file,
      warnings: [currencyWarning('the account is in')],
      repair: dropBalance('CLBD'),
      closing: false,
    }),
  ),
  ...['camt053.v4.xml', 'camt053.v8.xml'].map((file) => ({
    file,
    // No <Ccy> on the account: its booked entries' currency stands for it.
    warnings: [currencyWarning("the account's booked entries are in")],
    repair: dropBalance('CLBD'),
    closing: false,
  })),
  {
    file: 'camt053.v3.xml',
    warnings: [
      {
        code: 'DETAILS_SUM_MISMATCH',
        element: 'BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]',
        message:
          "the transaction amount 10575 differs from its entry's 885 (EUR minor units): kept the booked entry",
      },
      currencyWarning('the account is in'),
    ],
    repair: (t) =>
      dropBalance('CLBD')(t.replace('<Amt Ccy="EUR">105.750</Amt>', '<Amt Ccy="EUR">8.85</Amt>')),
    closing: false,
  },
  ...['camt052.v2.with-account-name.xml', 'camt054.v2.with-account-name.xml'].map((file) => ({
    file,
    warnings: [
      dateWarning(file.startsWith('camt052') ? 'BkToCstmrAcctRpt/Rpt[1]' : 'BkToCstmrDbtCdtNtfctn/Ntfctn[1]'),
    ],
    repair: addBookingDate,
    closing: true,
  })),
  ...['camt054.v8-with-UETR.xml', 'camt054.v8-with-financial-institution.xml'].map((file) => ({
    file,
    warnings: [dateWarning('BkToCstmrDbtCdtNtfctn/Ntfctn[1]')],
    repair: addBookingDate,
    closing: true,
  })),
];

const warningsOf = (file: ParsedStatementFile) => file.statements.flatMap((s) => s.warnings ?? []);

describe.skipIf(!hasData)('camt samples (genkgo/camt)', () => {
  it('covers every sample file of the folder', () => {
    const listed = new Set([
      ...VALID.map((v) => v.file),
      ...WARNED.map((r) => r.file),
      'camt053.v2.wrong.xml',
    ]);
    const files = readdirSync(DIR).filter((f) => f.endsWith('.xml'));
    expect(files.filter((f) => !listed.has(f))).toEqual([]);
    expect(files).toHaveLength(listed.size);
  });

  it.each(VALID)(
    '$file parses with the expected count, sum, balances and account',
    ({ file, format, statements }) => {
      const parsed = parse(file);
      expect(parsed.format).toBe(format);
      expect(parsed.encoding).toBe('utf-8');
      expect(parsed.statements).toHaveLength(statements);
      expectSummary(parsed, file);
      expect(warningsOf(parsed)).toEqual([]);
    },
  );

  it.each(WARNED)(
    '$file parses with every entry and warns about what does not hold',
    ({ file, warnings, repair, closing }) => {
      const parsed = parse(file);
      expect(parsed.statements).toHaveLength(1);
      expectSummary(parsed, file, { closing });
      if (!closing) expect(parsed.statements[0]?.closingBalance).toBeNull();
      expect(warningsOf(parsed)).toEqual(warnings.map((w) => ({ ...w, line: null })));
      const repaired = parseText(repair(textOf(file)), file);
      expect(warningsOf(repaired)).toEqual([]);
      expectSummary(repaired, file, { closing: false });
    },
  );

  it('refuses camt053.v2.wrong.xml, a statement message without any <Stmt>', () => {
    expect(rejection(() => parse('camt053.v2.wrong.xml'))).toBe(
      'camt053.v2.wrong.xml: BkToCstmrStmt/Stmt: the message has no <Stmt>; the standard requires at least one; nothing was imported',
    );
  });

  it('recognises every sample as camt, and the other formats of the shared folder as not', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.xml'))) {
      expect(looksCamt(readFileSync(sharedDataFile(FOLDER, file)), file), file).toBe(true);
    }
    const others = ['ofx-ofxparse/bank_medium.ofx', 'ofx-ofxparse/checking.ofx', 'bai2-moov/sample1.txt'];
    for (const other of others.filter((o) => existsSync(sharedDataFile('bank-statements', o)))) {
      expect(looksCamt(readFileSync(sharedDataFile('bank-statements', other)), other), other).toBe(false);
    }
    expect(
      looksCamt(new TextEncoder().encode('<?xml version="1.0"?><OFX><BANKMSGSRSV1/></OFX>'), 'x.xml'),
    ).toBe(false);
    expect(looksCamt(new TextEncoder().encode('Date;Amount\n2024-01-01;BkToCstmrStmt\n'), 'x.csv')).toBe(
      false,
    );
  });
});

describe.skipIf(!hasData)('camt mapping details', () => {
  it('reads a statement: balances with dates, the transaction, its payer, text and references', () => {
    const [first, second] = parse('camt053.v2.multi.statement.xml').statements;
    expect(first).toMatchObject({
      format: 'camt.053',
      statementId: '253EURNL26VAYB8060476890',
      account: { iban: 'NL26VAYB8060476890', number: null, currency: 'EUR', name: null },
      openingBalance: { amountMinor: 1815n, date: '2014-12-30' },
      closingBalance: { amountMinor: 2700n, date: '2014-12-31' },
    });
    expect(second?.transactions).toEqual([
      {
        bookingDate: '2014-12-31',
        valueDate: '2015-01-02',
        amountMinor: -700n,
        currency: 'EUR',
        // Money out: the other party is the creditor.
        counterpartyName: 'Company Name 2',
        counterpartyAccount: 'NL56AGDH9619008421',
        remittance: 'Transaction Description 2',
        bankReference: null,
        endToEndId: '000000002',
        typeCode: '544',
        location: 'Stmt[2]/Ntry[1]/NtryDtls/TxDtls[1]',
      },
    ]);
  });

  it('takes the payer from the debtor (v2 <Nm>, v8 <Pty><Nm>) and the creditor reference as text', () => {
    for (const file of ['camt053.v2.minimal.xml', 'camt053.v8.xml']) {
      const [tx] = parse(file).statements[0]?.transactions ?? [];
      expect(tx, file).toMatchObject({
        amountMinor: 885n,
        counterpartyName: 'NAME NAME',
        counterpartyAccount: 'NL56AGDH9619008421',
        remittance: '4654654654654654',
      });
    }
  });

  it('prefers the ultimate debtor as the payer when given', () => {
    const file = 'camt053.v2.minimal.ultimate.xml';
    const [tx] = parse(file).statements[0]?.transactions ?? [];
    expect(tx?.counterpartyName).toBe('DEBTOR NAME NM');
  });

  it('keeps zero extra decimals (8.850 EUR, 5442.09000 RON) and the calendar date of a DtTm', () => {
    const five = parse('camt053.v2.five.decimals.xml');
    expect(five.statements[0]?.transactions[0]?.amountMinor).toBe(885n);
    const only = parse('camt53.only-Dt-with-DtTm.xml').statements[0];
    expect(only?.openingBalance).toEqual({ amountMinor: 544209n, date: '2025-07-23' });
    expect(only?.transactions).toEqual([]);
  });

  it('reads the account name, the UETR as end-to-end id and a bank as the other party', () => {
    expect(parse('camt053.v2.with-account-name.xml').statements[0]?.account.name).toBe('Account Owner Name');
    const uetr = parse('camt054.v8-with-UETR.xml').statements[0]?.transactions[0];
    expect(uetr?.endToEndId).toBe('255ae394-9965-4438-ac86-f406feada396');
    const agent = parse('camt054.v8-with-financial-institution.xml').statements[0];
    expect(agent?.transactions[0]?.counterpartyName).toBe('Example Creditor 3 - V1');
  });

  it('reads version 1 (<BkToCstmrAcctRptV01>, <PrtryAcct>) and a booking DtTm as its written date', () => {
    const report = parse('camt052.v1.xml').statements[0];
    expect(report?.account).toEqual({
      iban: null,
      number: 'CH2801234000123456789',
      currency: null,
      name: null,
    });
    expect(report?.transactions[0]).toMatchObject({
      bookingDate: '2007-10-18',
      amountMinor: -20000000n,
      currency: 'SEK',
      bankReference: 'AAAASESS-FP-ACCR-01',
      typeCode: 'PAYM/0001/0003',
      remittance: 'Credit',
      location: 'Rpt[1]/Ntry[1]',
    });
  });

  it('keeps a batch whose payments give no amounts as one transaction with all their texts', () => {
    const [tx, ...rest] = parse('camt054.v2.xml').statements[0]?.transactions ?? [];
    expect(rest).toEqual([]);
    expect(tx?.amountMinor).toBe(-20000000n);
    expect(tx?.location).toBe('Ntfctn[1]/Ntry[1]');
    expect(tx?.remittance).toContain('Unstructured Remittance Information V1');
    expect(tx?.remittance).toContain('Ref number V3 block 2');
    expect(tx?.endToEndId).toBe('MUELL/FINP/RA12345');
  });
});

/** camt054.v2 with each of its three payments given an amount: 500.00 + 700.00 + 800.00 SEK. */
function batchWithAmounts(amounts: string[]): string {
  let i = 0;
  return textOf('camt054.v2.xml').replace(/<TxDtls>/g, () => {
    const amount = amounts[i++] ?? '0';
    return `<TxDtls><AmtDtls><TxAmt><Amt Ccy="SEK">${amount}</Amt></TxAmt></AmtDtls>`;
  });
}

describe.skipIf(!hasData)('camt batch entries', () => {
  it('splits a batch into one transaction per payment when the amounts add up to the entry', () => {
    const txs = parseText(batchWithAmounts(['50000', '70000', '80000'])).statements[0]?.transactions ?? [];
    expect(txs.map((t) => t.amountMinor)).toEqual([-5000000n, -7000000n, -8000000n]);
    expect(txs.map((t) => t.location)).toEqual(
      [1, 2, 3].map((n) => `Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[${n}]`),
    );
    expect(txs[0]?.remittance).toBe(
      'Unstructured Remittance Information V1 ISR ref number V1 Additional Remittance Information V1',
    );
    expect(txs[2]?.remittance).toContain(
      'Unstructured Remittance Information V3 block 1 Unstructured Remittance Information V3 block 2',
    );
  });

  it('keeps a batch whose payments do not add up as its booked entry, with DETAILS_SUM_MISMATCH', () => {
    const [statement] = parseText(batchWithAmounts(['50000', '70000', '80000.01'])).statements;
    const [tx, ...rest] = statement?.transactions ?? [];
    expect(rest).toEqual([]);
    expect(tx?.amountMinor).toBe(-20000000n);
    expect(tx?.location).toBe('Ntfctn[1]/Ntry[1]');
    expect(tx?.remittance).toContain('Unstructured Remittance Information V1');
    expect(tx?.remittance).toContain('Ref number V3 block 2');
    expect(statement?.warnings).toEqual([
      {
        code: 'DETAILS_SUM_MISMATCH',
        line: null,
        element: 'BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls',
        message:
          'its 3 <TxDtls> add up to -20000001 but the entry is -20000000 (SEK minor units): kept the booked entry as one transaction',
      },
    ]);
  });
});

describe.skipIf(!hasData)('camt files broken on purpose (built from camt053.v2.multi.statement.xml)', () => {
  const base = () => textOf('camt053.v2.multi.statement.xml');
  const refuse = (text: string) => rejection(() => parseText(text));

  it('refuses a file cut in the middle, naming the elements left open', () => {
    const text = base();
    const message = refuse(text.slice(0, Math.floor(text.length / 2)));
    expect(message).toMatch(
      /^variant\.xml: line \d+: the file ends with <Document\/BkToCstmrStmt\/Stmt\/[^>]*> still open: it is truncated/,
    );
  });

  it('refuses a file cut inside a tag, and one cut after the statements', () => {
    const text = base();
    expect(refuse(text.slice(0, text.indexOf('<CdtDbtInd>') + 5))).toContain('variant.xml: line');
    expect(refuse(text.slice(0, text.lastIndexOf('</BkToCstmrStmt>')))).toContain(
      '<Document/BkToCstmrStmt> still open',
    );
  });

  it('refuses a mismatched closing tag with its line', () => {
    const text = base().replace('<CdtDbtInd>CRDT</CdtDbtInd>', '<CdtDbtInd>CRDT</CdtDbtIn>');
    const line = text.slice(0, text.indexOf('</CdtDbtIn>')).split('\n').length;
    expect(refuse(text)).toContain(
      `variant.xml: line ${line}: not well-formed XML: Expected closing tag 'CdtDbtInd'`,
    );
  });

  it('refuses a bad amount, an amount with a non-zero extra decimal, and an unknown currency', () => {
    expect(refuse(base().replace('>8.85<', '>8,85<'))).toBe(
      'variant.xml: BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt: not an ISO 20022 amount: "8,85" (digits with an optional dot and decimals); nothing was imported',
    );
    expect(refuse(base().replace('>8.85<', '>8.851<'))).toContain(
      'BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt: "8.851" has more decimals than EUR has (2) and they are not zeros',
    );
    expect(parseText(base().replace('>8.85<', '>8.85000<')).statements[0]?.transactions[0]?.amountMinor).toBe(
      885n,
    );
    expect(refuse(base().replace('<Amt Ccy="EUR">7.00</Amt>', '<Amt Ccy="EUX">7.00</Amt>'))).toContain(
      'BkToCstmrStmt/Stmt[2]/Ntry[1]/Amt: unknown currency "EUX"',
    );
  });

  it('refuses an impossible date and a malformed one, naming the date element', () => {
    expect(
      refuse(
        base().replace('<Dt>2014-12-31</Dt>\n                </BookgDt>', '<Dt>2014-02-30</Dt></BookgDt>'),
      ),
    ).toContain('BkToCstmrStmt/Stmt[1]/Ntry[1]/BookgDt/Dt: not a valid date (YYYY-MM-DD): "2014-02-30"');
    expect(refuse(base().replace('<Dt>2015-01-02</Dt>', '<Dt>02.01.2015</Dt>'))).toContain(
      'Stmt[1]/Ntry[1]/ValDt/Dt: not a valid date',
    );
  });

  it('refuses an unknown credit/debit indicator and a missing mandatory element', () => {
    expect(refuse(base().replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>DEBIT</CdtDbtInd>'))).toContain(
      'BkToCstmrStmt/Stmt[2]/Ntry[1]/CdtDbtInd: CdtDbtInd must be CRDT or DBIT, not "DEBIT"',
    );
    expect(refuse(base().replace('<Sts>BOOK</Sts>', ''))).toContain(
      'BkToCstmrStmt/Stmt[1]/Ntry[1]/Sts: mandatory <Sts> (entry status) is missing',
    );
    expect(refuse(base().replace(/<Acct>[\s\S]*?<\/Acct>/, ''))).toContain(
      'BkToCstmrStmt/Stmt[1]/Acct: mandatory <Acct> is missing',
    );
  });

  it('keeps a statement whose balances do not add up, with BALANCE_MISMATCH naming the statement', () => {
    const parsed = parseText(base().replace('<Amt Ccy="EUR">20.00</Amt>', '<Amt Ccy="EUR">20.01</Amt>'));
    const [first, second] = parsed.statements;
    expect(first?.warnings).toBeUndefined();
    expect(second?.transactions.map((t) => t.amountMinor)).toEqual([-700n]);
    expect(second?.closingBalance).toEqual({ amountMinor: 2001n, date: '2014-12-31' });
    expect(second?.warnings).toEqual([
      {
        code: 'BALANCE_MISMATCH',
        line: null,
        element: 'BkToCstmrStmt/Stmt[2]',
        message:
          'statement 254EURNL26VAYB8060476890 does not add up: opening 27.00 + booked entries -7.00 = 20.00, but the closing balance is 20.01 EUR',
      },
    ]);
  });

  it('keeps the OPBD when a PRCD disagrees with it, with BALANCE_MISMATCH naming the PRCD', () => {
    const prcd = base().replace(
      '<Ntry>',
      '<Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">18.16</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2014-12-30</Dt></Dt></Bal><Ntry>',
    );
    const [first] = parseText(prcd).statements;
    expect(first?.openingBalance).toEqual({ amountMinor: 1815n, date: '2014-12-30' });
    expect(first?.warnings).toEqual([
      {
        code: 'BALANCE_MISMATCH',
        line: null,
        element: 'BkToCstmrStmt/Stmt[1]/Bal[3]',
        message:
          'OPBD/PRCD balances disagree: BkToCstmrStmt/Stmt[1]/Bal[1] (OPBD 18.15 EUR) and BkToCstmrStmt/Stmt[1]/Bal[3] (PRCD 18.16 EUR); kept the OPBD, which the standard puts first',
      },
    ]);
  });

  it('ignores a balance in another currency than the account, with BALANCE_CURRENCY_MISMATCH', () => {
    // 27.00 EUR closes the first statement and opens the second: both become SEK.
    const parsed = parseText(base().replace(/<Amt Ccy="EUR">27\.00<\/Amt>/g, '<Amt Ccy="SEK">27.00</Amt>'));
    const [first, second] = parsed.statements;
    expect(first?.closingBalance).toBeNull();
    expect(second?.openingBalance).toBeNull();
    expect(second?.closingBalance).toEqual({ amountMinor: 2000n, date: '2014-12-31' });
    expect(parsed.statements.map((s) => s.transactions.length)).toEqual([1, 1]);
    expect(parsed.statements.map((s) => s.warnings)).toEqual([
      [
        {
          code: 'BALANCE_CURRENCY_MISMATCH',
          line: null,
          element: 'BkToCstmrStmt/Stmt[1]/Bal[2]',
          message: 'the closing balance is in SEK but the account is in EUR: the closing balance is ignored',
        },
      ],
      [
        {
          code: 'BALANCE_CURRENCY_MISMATCH',
          line: null,
          element: 'BkToCstmrStmt/Stmt[2]/Bal[1]',
          message: 'the opening balance is in SEK but the account is in EUR: the opening balance is ignored',
        },
      ],
    ]);
  });

  it('dates an entry without <BookgDt> by its value date, else the period end, else the message, with DATE_MISSING', () => {
    const noBooking = base().replace(/<BookgDt>\s*<Dt>2014-12-31<\/Dt>\s*<\/BookgDt>/, '');
    const byValue = parseText(noBooking).statements[0];
    expect(byValue?.transactions[0]).toMatchObject({ bookingDate: '2015-01-02', valueDate: '2015-01-02' });
    expect(byValue?.warnings).toEqual([
      {
        code: 'DATE_MISSING',
        line: null,
        element: 'BkToCstmrStmt/Stmt[1]/Ntry[1]',
        message: 'the entry has no <BookgDt>: took 2015-01-02 from its <ValDt>',
      },
    ]);
    const noDate = noBooking.replace(/<ValDt>\s*<Dt>2015-01-02<\/Dt>\s*<\/ValDt>/, '');
    const byPeriod = parseText(noDate).statements[0];
    expect(byPeriod?.transactions[0]).toMatchObject({ bookingDate: '2007-10-18', valueDate: null });
    expect(byPeriod?.warnings?.[0]?.message).toBe(
      'the entry has neither <BookgDt> nor <ValDt>: took 2007-10-18 from <BkToCstmrStmt/Stmt[1]/FrToDt/ToDtTm>',
    );
    const noPeriod = noDate.replace(/<FrToDt>[\s\S]*?<\/FrToDt>/, '');
    const byMessage = parseText(noPeriod).statements[0];
    expect(byMessage?.transactions[0]?.bookingDate).toBe('2015-03-10');
    expect(byMessage?.warnings?.[0]?.message).toBe(
      'the entry has neither <BookgDt> nor <ValDt>: took 2015-03-10 from <BkToCstmrStmt/GrpHdr/CreDtTm>',
    );
    // The date it would take must itself be a date: a malformed one still refuses the file.
    expect(refuse(noDate.replace('2007-10-18T12:30:00+01:00', '18.10.2007 12:30'))).toContain(
      'BkToCstmrStmt/Stmt[1]/FrToDt/ToDtTm: not a valid date-time (YYYY-MM-DDThh:mm:ss): "18.10.2007 12:30"',
    );
  });

  it('leaves pending entries out of the balance check but keeps them', () => {
    const pending = base()
      .replace('<Sts>BOOK</Sts>', '<Sts>PDNG</Sts>')
      .replace('<Amt Ccy="EUR">27.00</Amt>', '<Amt Ccy="EUR">18.15</Amt>');
    expect(parseText(pending).statements[0]?.transactions[0]?.amountMinor).toBe(885n);
  });

  it('refuses a DOCTYPE, a message of another kind, a namespace contradicting the message, and non-UTF-8 bytes', () => {
    expect(refuse(base().replace('<Document', '<!DOCTYPE x [<!ENTITY a "b">]><Document'))).toContain(
      'a DOCTYPE is not allowed',
    );
    expect(refuse(base().replace(/BkToCstmrStmt/g, 'BkToCstmrXyz'))).toContain(
      'Document: expected one of <BkToCstmrAcctRpt>',
    );
    expect(refuse(base().replace('camt.053.001.02', 'camt.054.001.02'))).toContain(
      'Document: the namespace says camt.054 but the message is <BkToCstmrStmt> (camt.053)',
    );
    // The same text in Latin-1 under a declaration that says UTF-8, then under one that says so.
    const latin = Buffer.from(base().replace('Company Name 2', 'Soci\u00e9t\u00e9 2'), 'latin1');
    expect(rejection(() => parseCamt({ name: 'latin.xml', bytes: latin }))).toMatch(
      /^latin\.xml: line \d+: the file is not valid UTF-8/,
    );
    const declared = Buffer.from(
      base()
        .replace('Company Name 2', 'Soci\u00e9t\u00e9 2')
        .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
      'latin1',
    );
    const parsed = parseCamt({ name: 'latin.xml', bytes: declared });
    expect(parsed.encoding).toBe('iso-8859-1');
    expect(parsed.statements[1]?.transactions[0]?.counterpartyName).toBe('Soci\u00e9t\u00e9 2');
  });
});
