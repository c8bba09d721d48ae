import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksOfx, parseOfx } from '../../src/modules/banking/formats/ofx/index.ts';
import type { ParsedStatementFile } from '../../src/modules/banking/statement.types.ts';
import { AppError } from '../../src/shared/errors/index.ts';
import { sharedDataFile } from '../support/shared-data.ts';

const DIR = sharedDataFile('bank-statements/ofx-ofxparse');
const hasData = existsSync(DIR);
if (!hasData) console.warn(`SKIPPED: the OFX samples are not at ${DIR} (../shared/data absent)`);

const bytesOf = (name: string): Buffer => readFileSync(sharedDataFile('bank-statements/ofx-ofxparse', name));
const textOf = (name: string): string => bytesOf(name).toString('latin1');
const parse = (name: string): ParsedStatementFile => parseOfx({ name, bytes: bytesOf(name) });
const parseText = (text: string, name = 'variant.ofx'): ParsedStatementFile =>
  parseOfx({ name, bytes: Buffer.from(text, 'latin1') });

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

const sum = (file: ParsedStatementFile, i = 0): bigint =>
  (file.statements[i]?.transactions ?? []).reduce((total, t) => total + t.amountMinor, 0n);

/** Per valid sample: account, currency, count, sum and LEDGERBAL, read off the file itself. */
const VALID = [
  {
    file: 'bank_medium.ofx',
    account: '12300 000012345678',
    currency: 'CAD',
    count: 3,
    sum: -34527n,
    closing: 38234n,
    asOf: '2009-05-23',
  },
  {
    file: 'checking.ofx',
    account: '1452687~7',
    currency: 'USD',
    count: 3,
    sum: -5950n,
    closing: 10099n,
    asOf: '2013-05-25',
  },
  {
    file: 'suncorp.ofx',
    account: '123456789',
    currency: 'AUD',
    count: 1,
    sum: -1685n,
    closing: 123412n,
    asOf: '2013-12-15',
  },
  {
    file: 'anzcc.ofx',
    account: '1234123412341234',
    currency: 'AUD',
    count: 1,
    sum: -550n,
    closing: -12345n,
    asOf: '2017-05-10',
  },
] as const;

describe.skipIf(!hasData)('OFX samples (jseutter/ofxparse)', () => {
  it.each(VALID)('$file: $count transactions, sum $sum, closing $closing', (v) => {
    const parsed = parse(v.file);
    expect(parsed.statements.flatMap((s) => s.warnings ?? [])).toEqual([]);
    expect(parsed.format).toBe('ofx');
    expect(parsed.statements).toHaveLength(1);
    const [statement] = parsed.statements;
    expect(statement?.account).toEqual({ iban: null, number: v.account, currency: v.currency, name: null });
    expect(statement?.transactions).toHaveLength(v.count);
    expect(sum(parsed)).toBe(v.sum);
    expect(statement?.openingBalance).toBeNull();
    expect(statement?.closingBalance).toEqual({ amountMinor: v.closing, date: v.asOf });
    for (const t of statement?.transactions ?? []) expect(t.currency).toBe(v.currency);
  });

  it('bank_medium.ofx (1.x SGML, no end tags): the fields of each transaction', () => {
    const parsed = parse('bank_medium.ofx');
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.statements[0]?.transactions[1]).toEqual({
      bookingDate: '2009-04-02',
      valueDate: null,
      amountMinor: -31667n,
      currency: 'CAD',
      counterpartyName: "Joe's Bald Hairstyles",
      counterpartyAccount: null,
      remittance: "MISCELLANEOUS PAYMENTS;Joe's Bald Hairstyles",
      bankReference: '0000123456782009040200004',
      endToEndId: null,
      typeCode: 'CHECK',
      location: 'BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[2] at line 16',
    });
  });

  it('checking.ofx: credit positive, debits negative, the cheque number kept in the remittance', () => {
    const ts = parse('checking.ofx').statements[0]?.transactions ?? [];
    expect(ts.map((t) => [t.bookingDate, t.amountMinor, t.typeCode, t.bankReference])).toEqual([
      ['2011-03-31', 1n, 'CREDIT', '0000486'],
      ['2011-04-05', -3451n, 'DEBIT', '0000487'],
      ['2011-04-07', -2500n, 'CHECK', '0000488'],
    ]);
    expect(ts[2]?.remittance).toBe('RETURNED CHECK FEE, CHECK # 319 FOR $45.33 ON 04/07/11 / CHECKNUM 319');
  });

  it('suncorp.ofx (2.x XML): the README value, CDATA names trimmed', () => {
    const [t] = parse('suncorp.ofx').statements[0]?.transactions ?? [];
    expect(t?.amountMinor).toBe(-1685n);
    expect(t?.counterpartyName).toBe('EFTPOS WDL HANDYWAY ALDI STORE');
    expect(t?.remittance).toBe('EFTPOS WDL HANDYWAY ALDI STORE   GEELONG WEST VICAU');
  });

  it('anzcc.ofx: a card statement in XML form whose fields are not closed', () => {
    const parsed = parse('anzcc.ofx');
    expect(parsed.encoding).toBe('utf-8');
    const [t] = parsed.statements[0]?.transactions ?? [];
    expect(t).toMatchObject({
      bookingDate: '2017-05-08',
      typeCode: 'DEBIT',
      bankReference: '201705080001',
      remittance: 'SOME MEMO',
    });
  });

  it.each(['multiple_accounts.ofx', 'multiple_accounts2.ofx'])(
    '%s: two accounts, no transactions',
    (name) => {
      const parsed = parse(name);
      expect(
        parsed.statements.map((s) => [s.account.number, s.transactions.length, s.closingBalance]),
      ).toEqual([
        ['9100', 0, { amountMinor: 11100n, date: '2012-06-03' }],
        ['9200', 0, { amountMinor: 22200n, date: '2012-06-03' }],
      ]);
    },
  );

  it.each([
    [
      'error_message.ofx',
      'error_message.ofx: line 22: the bank reported an error: General Server Error (status 2000 in STMTTRNRS)',
    ],
    [
      'signon_fail.ofx',
      'signon_fail.ofx: line 11: the bank reported an error: Your request could not be processed because you supplied an invalid identification code or your password was incorrect (status 15500 in SONRS)',
    ],
    ['bank_small.ofx', 'bank_small.ofx: line 11: no bank or card statement in the file'],
    ['signon_success.ofx', 'signon_success.ofx: line 11: no bank or card statement in the file'],
    [
      'signon_success_no_message.ofx',
      'signon_success_no_message.ofx: line 11: no bank or card statement in the file',
    ],
    [
      'account_listing_aggregation.ofx',
      'account_listing_aggregation.ofx: line 11: no bank or card statement in the file',
    ],
    [
      'fail_nice/date_missing.ofx',
      'fail_nice/date_missing.ofx: line 33: BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[1]: missing mandatory <DTPOSTED>',
    ],
    [
      'fail_nice/decimal_error.ofx',
      'fail_nice/decimal_error.ofx: line 36: BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[1]/DTPOSTED: bad date "201120000000": 2011-20-00 does not exist',
    ],
  ])('%s is rejected', (name, message) => {
    expect(rejection(() => parse(name))).toBe(`${message}; nothing was imported`);
  });

  it('ofx-v102-empty-tags.ofx (a real CommBank export: empty CURDEF, LEDGERBAL, FITID) parses with warnings', () => {
    const parsed = parse('ofx-v102-empty-tags.ofx');
    expect(parsed.statements).toHaveLength(1);
    const [statement] = parsed.statements;
    // The currency comes from the transaction's <CURRENCY><CURSYM>AUD, which also gives the decimals.
    expect(statement?.account).toEqual({ iban: null, number: '12345678', currency: 'AUD', name: null });
    expect(statement?.openingBalance).toBeNull();
    expect(statement?.closingBalance).toBeNull();
    expect(statement?.transactions).toEqual([
      {
        bookingDate: '2018-05-07',
        valueDate: null,
        amountMinor: 1234n,
        currency: 'AUD',
        counterpartyName: null,
        counterpartyAccount: null,
        remittance: 'CBA:Transfer',
        bankReference: null,
        endToEndId: null,
        typeCode: 'Credit',
        location: 'BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[1] at line 23',
      },
    ]);
    expect(statement?.warnings).toEqual([
      {
        code: 'CURRENCY_MISSING',
        line: 23,
        element: 'BANKMSGSRSV1/STMTTRNRS/STMTRS/CURDEF',
        message: '<CURDEF> is empty: took AUD, the <CURRENCY><CURSYM> of every transaction',
      },
      {
        code: 'BALANCE_MISMATCH',
        line: 23,
        element: 'BANKMSGSRSV1/STMTTRNRS/STMTRS/LEDGERBAL/BALAMT',
        message: '<LEDGERBAL> is empty (no <BALAMT>, no <DTASOF>): the statement has no closing balance',
      },
    ]);
  });

  it('fail_nice/empty_balance.ofx (LEDGERBAL amount left blank) parses without a closing balance', () => {
    const [statement, ...rest] = parse('fail_nice/empty_balance.ofx').statements;
    expect(rest).toEqual([]);
    expect(statement?.account).toEqual({ iban: null, number: '192639749', currency: 'CAD', name: null });
    expect(statement?.transactions.map((t) => [t.bookingDate, t.amountMinor, t.bankReference])).toEqual([
      ['2011-03-08', 12000n, '2000957249'],
    ]);
    expect(statement?.closingBalance).toBeNull();
    expect(statement?.warnings).toEqual([
      {
        code: 'BALANCE_MISMATCH',
        line: 38,
        element: 'BANKMSGSRSV1/STMTTRNRS/STMTRS/LEDGERBAL/BALAMT',
        message: 'the <LEDGERBAL> amount is empty (as of 2011-06-14): the statement has no closing balance',
      },
    ]);
  });

  it.each([
    'fidelity.ofx',
    'fidelity-savings.ofx',
    'investment_401k.ofx',
    'investment_medium.ofx',
    'td_ameritrade.ofx',
    'tiaacref.ofx',
    'vanguard.ofx',
    'vanguard401k.ofx',
  ])('%s (investment only, even with bank transactions inside) is rejected', (name) => {
    expect(rejection(() => parse(name))).toMatch(
      /: line \d+: no bank or card statement in the file \(it holds only an investment statement\); nothing was imported$/,
    );
  });

  it('the fail_nice files fail on each of their faults, not only the first', () => {
    const dateMissing = textOf('fail_nice/date_missing.ofx');
    const secondTrn = dateMissing.replace(/<STMTTRN>[\s\S]*?<\/STMTTRN>/, '');
    expect(rejection(() => parseText(secondTrn))).toContain('STMTTRN[1]/DTPOSTED: is empty but mandatory');
    const third = secondTrn.replace(/<STMTTRN>[\s\S]*?<\/STMTTRN>/, '');
    expect(rejection(() => parseText(third))).toContain(
      'STMTTRN[1]/DTPOSTED: bad date "20120231": 2012-02-31 does not exist',
    );
    const decimal = textOf('fail_nice/decimal_error.ofx').replace('201120000000', '20110614');
    expect(rejection(() => parseText(decimal))).toContain(
      'line 37: BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[1]/TRNAMT: bad amount "$120"',
    );
  });

  it('every sample is recognised as OFX; other formats are not', () => {
    for (const name of [
      ...VALID.map((v) => v.file),
      'error_message.ofx',
      'fidelity.ofx',
      'ofx-v102-empty-tags.ofx',
      'fail_nice/empty_balance.ofx',
    ]) {
      expect(looksOfx(bytesOf(name), name)).toBe(true);
    }
    const other = (text: string) => looksOfx(Buffer.from(text), 'x.ofx');
    expect(other(':20:STARTUMSE\r\n:25:12345678/0001\r\n')).toBe(false);
    expect(
      other('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'),
    ).toBe(false);
    expect(other('date,amount,payee\n2024-01-01,1.00,x\n')).toBe(false);
    expect(other('01,ABC,DEF,240101,0000,1,,,2/\n')).toBe(false);
  });
});

describe.skipIf(!hasData)('OFX: SGML and XML give the same result', () => {
  it('suncorp.ofx rewritten as 1.x SGML (header, no field end tags) parses to the same statement', () => {
    const xml = textOf('suncorp.ofx');
    const body = xml
      .slice(xml.indexOf('<OFX>'))
      .replace(
        /<\/(CODE|SEVERITY|DTSERVER|LANGUAGE|ORG|FID|TRNUID|CURDEF|BANKID|ACCTID|ACCTTYPE|DTSTART|DTEND|TRNTYPE|DTPOSTED|TRNAMT|FITID|CHECKNUM|NAME|MEMO|BALAMT|DTASOF)>/g,
        '',
      );
    const sgml = `OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n${body}`;
    const withoutLocation = (f: ParsedStatementFile) =>
      f.statements.map((s) => ({ ...s, transactions: s.transactions.map((t) => ({ ...t, location: '' })) }));
    expect(withoutLocation(parseText(sgml))).toEqual(withoutLocation(parse('suncorp.ofx')));
  });

  it('an empty field left unclosed does not swallow the fields after it', () => {
    const text = textOf('bank_medium.ofx').replace("<NAME>MCDONALD'S #112", '<NAME>');
    const [t] = parseText(text).statements[0]?.transactions ?? [];
    expect(t).toMatchObject({
      counterpartyName: null,
      remittance: "POS MERCHANDISE;MCDONALD'S #112",
      amountMinor: -660n,
    });
  });
});

describe.skipIf(!hasData)('OFX: encodings from the header', () => {
  it('CHARSET:1252 decodes Windows-1252 bytes', () => {
    const bytes = Buffer.from(
      textOf('bank_medium.ofx').replace("MCDONALD'S #112<MEMO>", 'CAF\u00C9 M\u00DCLLER<MEMO>'),
      'latin1',
    );
    expect(parseOfx({ name: 'cp1252.ofx', bytes }).statements[0]?.transactions[0]?.counterpartyName).toBe(
      'CAFÉ MÜLLER',
    );
  });

  it('ENCODING:UTF-8 decodes UTF-8, and refuses bytes that are not UTF-8', () => {
    const text = textOf('bank_medium.ofx')
      .replace('ENCODING:USASCII', 'ENCODING:UTF-8')
      .replace("MCDONALD'S #112<MEMO>", '招商银行 CAFÉ<MEMO>');
    const parsed = parseOfx({ name: 'utf8.ofx', bytes: Buffer.from(text, 'utf8') });
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.statements[0]?.transactions[0]?.counterpartyName).toBe('招商银行 CAFÉ');
    const latin = Buffer.from(text.replace('招商银行 ', ''), 'latin1');
    expect(rejection(() => parseOfx({ name: 'bad.ofx', bytes: latin }))).toBe(
      'bad.ofx: file: the header says UTF-8 but the file is not valid UTF-8; nothing was imported',
    );
  });

  it('the XML declaration names the encoding of a 2.x file', () => {
    const text = textOf('suncorp.ofx')
      .replace('encoding="us-ascii"', 'encoding="ISO-8859-1"')
      .replace('ALDI STORE  ]]>', 'ALDI STR\u00C6DE]]>');
    const parsed = parseText(text);
    expect(parsed.encoding).toBe('iso-8859-1');
    expect(parsed.statements[0]?.transactions[0]?.counterpartyName).toBe('EFTPOS WDL HANDYWAY ALDI STRÆDE');
  });
});

describe.skipIf(!hasData)(
  'OFX: broken variants of valid samples are rejected whole, naming line and element',
  () => {
    it('a 1.x file cut in the middle', () => {
      const text = textOf('bank_medium.ofx');
      const cut = text.slice(0, text.indexOf('<TRNAMT>-316.67') + 12);
      expect(rejection(() => parseText(cut))).toBe(
        'variant.ofx: line 16: the file ends inside <STMTTRN> (opened at line 16) before </OFX>: it is truncated; nothing was imported',
      );
    });

    it('a 2.x file cut in the middle, and one cut inside a tag', () => {
      const text = textOf('suncorp.ofx');
      expect(rejection(() => parseText(text.slice(0, text.indexOf('</BANKTRANLIST>'))))).toBe(
        'variant.ofx: line 32: the file ends inside <BANKTRANLIST> (opened at line 32) before </OFX>: it is truncated; nothing was imported',
      );
      expect(rejection(() => parseText(text.slice(0, text.indexOf('<TRNAMT>') + 4)))).toBe(
        'variant.ofx: line 38: a tag is never closed: the file is truncated; nothing was imported',
      );
    });

    it('a corrupt amount, too many decimals, zeros beyond the decimals, and a comma decimal mark', () => {
      const text = textOf('checking.ofx');
      expect(rejection(() => parseText(text.replace('<TRNAMT>-34.51', '<TRNAMT>-34.5x')))).toBe(
        'variant.ofx: line 57: BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[2]/TRNAMT: bad amount "-34.5x"; nothing was imported',
      );
      expect(rejection(() => parseText(text.replace('<TRNAMT>-34.51', '<TRNAMT>-34.515')))).toContain(
        'line 57: BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[2]/TRNAMT: bad amount "-34.515": more decimals than USD has',
      );
      expect(rejection(() => parseText(text.replace('<BALAMT>100.99', '<BALAMT>1,000.99')))).toContain(
        'LEDGERBAL/BALAMT: bad amount "1,000.99"',
      );
      const zeros = parseText(text.replace('<TRNAMT>-34.51', '<TRNAMT>-34.5100'));
      expect(zeros.statements[0]?.transactions[1]?.amountMinor).toBe(-3451n);
      const comma = parseText(text.replace('<TRNAMT>-34.51', '<TRNAMT>-34,51'));
      expect(comma.statements[0]?.transactions[1]?.amountMinor).toBe(-3451n);
    });

    it('a date that does not exist, and one that is not a date', () => {
      const text = textOf('checking.ofx');
      expect(
        rejection(() =>
          parseText(text.replace('<DTPOSTED>20110405120000.000', '<DTPOSTED>20110431120000.000')),
        ),
      ).toBe(
        'variant.ofx: line 56: BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[2]/DTPOSTED: bad date "20110431120000.000": 2011-04-31 does not exist; nothing was imported',
      );
      expect(
        rejection(() => parseText(text.replace('<DTASOF>20130525225731.258', '<DTASOF>25/05/2013'))),
      ).toContain('line 74: BANKMSGSRSV1/STMTTRNRS/STMTRS/LEDGERBAL/DTASOF: bad date "25/05/2013"');
      expect(
        rejection(() => parseText(text.replace('<DTPOSTED>20110405120000.000', '<DTPOSTED>20110405250000'))),
      ).toContain('bad date "20110405250000": the time of day is out of range');
    });

    it('dates keep the day the bank wrote, whatever the time zone', () => {
      const text = textOf('bank_medium.ofx').replace(
        '20090401122017.000[-5:EST]',
        '20090401235959.999[-12:NZST]',
      );
      expect(parseText(text).statements[0]?.transactions[0]?.bookingDate).toBe('2009-04-01');
    });

    it('broken tags: one without ">", an end tag that matches nothing, text after </OFX>', () => {
      const text = textOf('checking.ofx');
      expect(rejection(() => parseText(text.replace('<TRNAMT>-34.51', '<TRNAMT-34.51')))).toBe(
        'variant.ofx: line 57: broken tag "<TRNAMT-34.51": it has no closing ">"; nothing was imported',
      );
      expect(rejection(() => parseText(text.replace('</BANKTRANLIST>', '</BANKTRANLST>')))).toBe(
        'variant.ofx: line 71: end tag </BANKTRANLST> matches no open element (inside <BANKTRANLIST> of line 43); nothing was imported',
      );
      expect(rejection(() => parseText(`${text}\n<OFX>`))).toBe(
        'variant.ofx: line 84: content after </OFX>; nothing was imported',
      );
    });

    it('missing mandatory fields and aggregates', () => {
      const text = textOf('checking.ofx');
      expect(rejection(() => parseText(text.replace('<FITID>0000487', '')))).toBe(
        'variant.ofx: line 54: BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[2]: missing mandatory <FITID>; nothing was imported',
      );
      expect(rejection(() => parseText(text.replace('<ACCTID>1452687~7', '')))).toContain(
        'line 38: BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKACCTFROM: missing mandatory <ACCTID>',
      );
      expect(rejection(() => parseText(text.replace(/<LEDGERBAL>[\s\S]*?<\/LEDGERBAL>/, '')))).toContain(
        'line 36: BANKMSGSRSV1/STMTTRNRS/STMTRS: missing mandatory <LEDGERBAL> (the closing balance)',
      );
      expect(rejection(() => parseText(text.replace('<CURDEF>USD', '<CURDEF>XYZ')))).toContain(
        'line 37: BANKMSGSRSV1/STMTTRNRS/STMTRS/CURDEF: unknown currency "XYZ"',
      );
    });

    it('a card statement whose transaction response failed', () => {
      const text = textOf('anzcc.ofx').replace(
        '<TRNUID>1\n<STATUS>\n<CODE>0',
        '<TRNUID>1\n<STATUS>\n<CODE>2003\n<MESSAGE>Account not found',
      );
      expect(rejection(() => parseText(text))).toBe(
        'variant.ofx: line 17: the bank reported an error: Account not found (status 2003 in CCSTMTTRNRS); nothing was imported',
      );
    });

    it('amounts in a CURRENCY other than CURDEF use that currency, and its decimals', () => {
      const text = textOf('anzcc.ofx');
      const yen = text.replace(
        '<MEMO>SOME MEMO',
        '<MEMO>SOME MEMO\n<CURRENCY>\n<CURRATE>0.012\n<CURSYM>JPY\n</CURRENCY>',
      );
      expect(rejection(() => parseText(yen))).toContain(
        'STMTTRN[1]/TRNAMT: bad amount "-5.50": more decimals than JPY has',
      );
      const [t] = parseText(yen.replace('<TRNAMT>-5.50', '<TRNAMT>-550')).statements[0]?.transactions ?? [];
      expect(t).toMatchObject({ amountMinor: -550n, currency: 'JPY' });
      const orig = text.replace(
        '<MEMO>SOME MEMO',
        '<MEMO>SOME MEMO\n<ORIGCURRENCY>\n<CURRATE>0.012\n<CURSYM>JPY\n</ORIGCURRENCY>',
      );
      expect(parseText(orig).statements[0]?.transactions[0]).toMatchObject({
        amountMinor: -550n,
        currency: 'AUD',
      });
    });

    it("an empty CURDEF takes the transactions' one CURRENCY, with CURRENCY_MISSING; none or several refuse", () => {
      const text = textOf('checking.ofx');
      let n = 0;
      const withCurrency = (codes: (string | null)[], base = text) =>
        base.replace(/<\/STMTTRN>/g, (end) => {
          const code = codes[n++ % codes.length];
          return code ? `<CURRENCY><CURRATE>1.0<CURSYM>${code}</CURRENCY>${end}` : end;
        });
      const empty = text.replace('<CURDEF>USD', '<CURDEF>');
      n = 0;
      const parsed = parseText(withCurrency(['USD', null, 'USD'], empty)).statements[0];
      expect(parsed?.account.currency).toBe('USD');
      expect(parsed?.transactions.map((t) => [t.amountMinor, t.currency])).toEqual([
        [1n, 'USD'],
        [-3451n, 'USD'],
        [-2500n, 'USD'],
      ]);
      expect(parsed?.closingBalance).toEqual({ amountMinor: 10099n, date: '2013-05-25' });
      expect(parsed?.warnings).toEqual([
        {
          code: 'CURRENCY_MISSING',
          line: 37,
          element: 'BANKMSGSRSV1/STMTTRNRS/STMTRS/CURDEF',
          message: '<CURDEF> is empty: took USD, the <CURRENCY><CURSYM> of 2 of the 3 transactions',
        },
      ]);
      n = 0;
      const absent = parseText(withCurrency(['USD'], text.replace('<CURDEF>USD', ''))).statements[0];
      expect(absent?.warnings?.[0]).toEqual({
        code: 'CURRENCY_MISSING',
        line: 36,
        element: 'BANKMSGSRSV1/STMTTRNRS/STMTRS/CURDEF',
        message: 'missing mandatory <CURDEF>: took USD, the <CURRENCY><CURSYM> of every transaction',
      });
      expect(rejection(() => parseText(empty))).toBe(
        'variant.ofx: line 37: BANKMSGSRSV1/STMTTRNRS/STMTRS/CURDEF: <CURDEF> is empty and no transaction names its <CURRENCY>: the amounts cannot be read without the account currency; nothing was imported',
      );
      n = 0;
      expect(rejection(() => parseText(withCurrency(['USD', 'CAD', null], empty)))).toContain(
        "line 37: BANKMSGSRSV1/STMTTRNRS/STMTRS/CURDEF: <CURDEF> is empty and the transactions' <CURRENCY> disagree (USD at line 46, CAD at line 54): the account currency is unknown",
      );
      // ORIGCURRENCY names the currency the bank converted from: it cannot be the account's.
      const orig = empty.replace(
        '</STMTTRN>',
        '<ORIGCURRENCY><CURRATE>1.1<CURSYM>EUR</ORIGCURRENCY></STMTTRN>',
      );
      expect(rejection(() => parseText(orig))).toContain(
        'no transaction names its <CURRENCY> (<ORIGCURRENCY> names the currency converted from, not the account currency)',
      );
    });

    it('an empty LEDGERBAL amount leaves no closing balance, with BALANCE_MISMATCH; an absent one refuses', () => {
      const text = textOf('checking.ofx');
      const parsed = parseText(text.replace('<BALAMT>100.99', '<BALAMT>')).statements[0];
      expect(parsed?.transactions).toHaveLength(3);
      expect(parsed?.closingBalance).toBeNull();
      expect(parsed?.warnings).toEqual([
        {
          code: 'BALANCE_MISMATCH',
          line: 73,
          element: 'BANKMSGSRSV1/STMTTRNRS/STMTRS/LEDGERBAL/BALAMT',
          message: 'the <LEDGERBAL> amount is empty (as of 2013-05-25): the statement has no closing balance',
        },
      ]);
      expect(rejection(() => parseText(text.replace('<BALAMT>100.99', '')))).toContain(
        'line 72: BANKMSGSRSV1/STMTTRNRS/STMTRS/LEDGERBAL: missing mandatory <BALAMT>',
      );
      expect(rejection(() => parseText(text.replace('<DTASOF>20130525225731.258', '<DTASOF>')))).toContain(
        'line 74: BANKMSGSRSV1/STMTTRNRS/STMTRS/LEDGERBAL/DTASOF: is empty but mandatory',
      );
    });

    it('an empty FITID gives no bank reference; an absent one still refuses', () => {
      const text = textOf('checking.ofx');
      const [, second] =
        parseText(text.replace('<FITID>0000487', '<FITID>')).statements[0]?.transactions ?? [];
      expect(second).toMatchObject({ amountMinor: -3451n, bankReference: null });
      expect(rejection(() => parseText(text.replace('<FITID>0000487', '')))).toContain(
        'STMTTRN[2]: missing mandatory <FITID>',
      );
    });

    it('a file that is not OFX at all', () => {
      expect(rejection(() => parseText('date,amount\n2024-01-01,1.00\n', 'x.csv'))).toBe(
        'x.csv: line 1: not an OFX file: no OFXHEADER, XML declaration or <OFX>; nothing was imported',
      );
    });
  },
);
