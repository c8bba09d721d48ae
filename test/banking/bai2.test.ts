import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksBai2, parseBai2 } from '../../src/modules/banking/formats/bai2/index.ts';
import type { ParsedStatement, ParsedStatementFile } from '../../src/modules/banking/statement.types.ts';
import { sharedDataFile } from '../support/shared-data.ts';

const DIR = sharedDataFile('bank-statements/bai2-moov');
const hasData = existsSync(DIR);
if (!hasData) console.warn(`SKIPPED: the BAI2 samples are not at ${DIR} (../shared/data absent)`);

const read = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (name: string, text: string) => parseBai2({ name, bytes: bytes(text) });

/** Every warning of a parse, with the 1-based statement (account) it sits on. */
const warningsOf = (parsed: ParsedStatementFile) =>
  parsed.statements.flatMap((s, i) => (s.warnings ?? []).map((w) => ({ statement: i + 1, ...w })));

/** The rejection message, or a failure when the file was accepted. */
function rejection(name: string, text: string): string {
  try {
    parse(name, text);
  } catch (error) {
    expect((error as { code?: string }).code).toBe('STATEMENT_REJECTED');
    return (error as Error).message;
  }
  throw new Error(`${name} was accepted`);
}

/** The 49 control totals as the bank wrote them, read straight from the text (not by the parser). */
function accountTrailerTotals(text: string): bigint[] {
  return [...text.matchAll(/(?:^|\s)49,([+-]?\d+),\d+\//g)].map((m) => BigInt(m[1] ?? ''));
}

type Expected = {
  number: string;
  currency: string;
  count: number;
  credits: bigint;
  debits: bigint;
  opening: bigint | null;
  closing: bigint | null;
  /** Sum of the 03 (and its 88) summary amounts, worked out by hand from the file. */
  summaries: bigint;
};
const acct = (
  number: string,
  currency: string,
  count: number,
  credits: number,
  debits: number,
  opening: number | null,
  closing: number | null,
  summaries: number,
): Expected => ({
  number,
  currency,
  count,
  credits: BigInt(credits),
  debits: BigInt(debits),
  opening: opening === null ? null : BigInt(opening),
  closing: closing === null ? null : BigInt(closing),
  summaries: BigInt(summaries),
});
const empty = (number: string, balance: number) => acct(number, 'USD', 0, 0, 0, balance, balance, 0);

const VALID: Record<string, Expected[]> = {
  'sample1.txt': [
    acct('10200123456', 'CAD', 11, 208500, -208500, null, null, 417000),
    acct('10200123456', 'CAD', 6, 111500, -111500, null, null, 223000),
  ],
  'sample2.txt': [
    acct('0123456789', 'USD', 1, 450000, 0, 4350000, null, 8700000),
    acct('9876543210', 'USD', 1, 500000, 0, -500000, null, 3500000),
    acct('4589761203', 'USD', 2, 30000000, 0, 10000000, null, 150000000),
    acct('0975312468', 'USD', 0, 0, 0, 500000, null, 140500000),
    acct('7890654321', 'USD', 0, 0, 0, 800000, null, 11800000),
  ],
  'sample3.txt': [
    acct('1111111', 'USD', 6, 3100, -3200, -3500, -3600, -7900),
    empty('1111111', 0),
    empty('1111111', 0),
    acct('1111111', 'USD', 2, 0, -30703, -55703, -86406, -253515),
    acct('1111111', 'USD', 0, 0, 0, 98547, 98547, 394188),
    empty('1111111', 0),
    empty('1111111', 0),
    acct('11111111', 'USD', 6, 3700, -18651, 625266, 610315, 2493513),
    acct('11111111', 'USD', 4, 320, -5944, -73135, -78759, -297524),
    acct('11111111', 'USD', 8, 32593, -920, -4078, 27595, 80547),
    ...Array.from({ length: 5 }, () => empty('11111111', 0)),
  ],
};

const credits = (s: ParsedStatement) =>
  s.transactions.reduce((a, t) => (t.amountMinor > 0n ? a + t.amountMinor : a), 0n);
const debits = (s: ParsedStatement) =>
  s.transactions.reduce((a, t) => (t.amountMinor < 0n ? a + t.amountMinor : a), 0n);

describe.skipIf(!hasData)('BAI2 samples (moov-io/bai2)', () => {
  for (const [name, expected] of Object.entries(VALID)) {
    it(`${name}: every account, count, sum and balance, and the trailers agree`, () => {
      const text = read(name);
      expect(looksBai2(bytes(text), name)).toBe(true);
      const parsed = parse(name, text);
      expect(parsed.format).toBe('bai2');
      const got = parsed.statements.map((s) => ({
        number: s.account.number,
        currency: s.account.currency,
        count: s.transactions.length,
        credits: credits(s),
        debits: debits(s),
        opening: s.openingBalance?.amountMinor ?? null,
        closing: s.closingBalance?.amountMinor ?? null,
      }));
      expect(got).toEqual(expected.map(({ summaries: _, ...rest }) => rest));
      expect(warningsOf(parsed)).toEqual([]);
      // Cross-check with the bank's own 49 totals: 03 summaries + the details as written (unsigned).
      const trailers = accountTrailerTotals(text);
      expect(trailers).toHaveLength(expected.length);
      expected.forEach((e, i) => {
        expect(e.summaries + e.credits - e.debits).toBe(trailers[i]);
      });
    });
  }

  it('sample1: booking date is the value date (V funds type), the text has its padding and "/" removed', () => {
    const [first, second] = parse('sample1.txt', read('sample1.txt')).statements;
    expect(first?.transactions[0]).toMatchObject({
      bookingDate: '2006-03-16',
      valueDate: '2006-03-16',
      amountMinor: -2500n,
      currency: 'CAD',
      remittance: 'RETURNED CHEQUE',
      typeCode: '409',
      location: 'record 16 at line 5',
    });
    expect(second?.transactions[0]?.bookingDate).toBe('2006-03-17');
  });

  it('sample2: S and D funds types, an 03 continued over two 88s, text carried by an 88', () => {
    const statements = parse('sample2.txt', read('sample2.txt')).statements;
    expect(statements[2]?.transactions[0]).toMatchObject({
      bookingDate: '2004-06-22',
      amountMinor: 20000000n,
      bankReference: 'SP4738',
      endToEndId: 'YRC065321',
      remittance: 'PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO',
    });
    expect(statements[2]?.transactions[1]).toMatchObject({
      bookingDate: '2004-06-20',
      valueDate: null,
      remittance: null,
    });
    expect(statements[1]?.transactions[0]?.remittance).toBe('LOCK BOX NO.68751');
    expect(statements[0]?.openingBalance).toEqual({ amountMinor: 4350000n, date: '2004-06-20' });
  });

  it('sample3: several records on one line and a record wrapped onto the next line', () => {
    const statements = parse('sample3.txt', read('sample3.txt')).statements;
    expect(statements).toHaveLength(15);
    expect(statements[7]?.transactions[0]?.remittance).toBe(
      '111111     ACH_SETL           1111111111 111111111111111 1111111111',
    );
    expect(statements[3]?.transactions.map((t) => t.remittance)).toEqual([
      'Visa Billing FTSRE Sept 22',
      'Visa Billing Sept 22',
    ]);
  });

  // These two are moov's hand-edited continuation samples: an account was spliced in without
  // updating the trailers, so its 49 (-1260161341762, 26 records) matches nothing in the file, nor
  // do the 49 of the account after it, the 98 and the 99; that account's 010 + entries is not its
  // 015 either. No entry is lost: they parse whole, with warnings where the bank's tallies are off,
  // and we check the file's own arithmetic of what is there.
  const trailerWarnings = (groupLine: number, fileLine: number, amounts: bigint, records: number) => [
    [
      1,
      'CONTROL_TOTAL_MISMATCH',
      groupLine,
      'record 98',
      `group trailer 98 of the group at line 2: control total 13060195162 but the amounts add up to ${amounts}`,
    ],
    [
      1,
      'CONTROL_TOTAL_MISMATCH',
      groupLine,
      'record 98',
      `group trailer 98 of the group at line 2: says 16 records but there are ${records}`,
    ],
    [
      1,
      'CONTROL_TOTAL_MISMATCH',
      groupLine,
      'record 98',
      'group trailer 98 of the group at line 2: says 4 accounts but there are 5',
    ],
    [
      1,
      'CONTROL_TOTAL_MISMATCH',
      fileLine,
      'record 99',
      `file trailer 99: control total 13060195162 but the amounts add up to ${amounts}`,
    ],
    [
      1,
      'CONTROL_TOTAL_MISMATCH',
      fileLine,
      'record 99',
      `file trailer 99: says 18 records but there are ${records + 2}`,
    ],
    [
      2,
      'CONTROL_TOTAL_MISMATCH',
      22,
      'record 49',
      'account trailer 49 of account 107049932: control total -1260161341762 but the amounts add up to 7999960',
    ],
    [
      2,
      'CONTROL_TOTAL_MISMATCH',
      22,
      'record 49',
      'account trailer 49 of account 107049932: says 26 records but there are 18',
    ],
  ];
  for (const [name, lastCount, lastNet, lastTrailer, lastTotal, lastRecords, groupTotal, groupRecords] of [
    ['sample4-continuations-newline-delimited.txt', 14, -29903174n, 110, 666917818n, 88, 13728243218n, 114],
    ['sample5-issue113.txt', 17, 3767634752n, 118, 4465382668n, 95, 17526708068n, 121],
  ] as const) {
    it(`${name}: parses whole, with a warning for each trailer and balance that does not add up`, () => {
      const text = read(name);
      expect(looksBai2(bytes(text), name)).toBe(true);
      const parsed = parse(name, text);
      const statements = parsed.statements;
      expect(statements.map((s) => [s.account.number, s.transactions.length])).toEqual([
        ['107049924', 0],
        ['107049932', 3],
        ['104108339', lastCount],
        ['260000033037', 0],
        ['280000010657', 0],
      ]);
      // 03 (6865898 + 1912 + 0) + details as written (60000 + 143500 + 928650) = 7999960.
      expect(statements[1]?.transactions.map((t) => t.amountMinor)).toEqual([-60000n, 143500n, -928650n]);
      expect(statements[2]?.transactions.reduce((a, t) => a + t.amountMinor, 0n)).toBe(lastNet);
      expect(statements[1]?.transactions[0]?.remittance).toBe(
        'ACH Credit Payment,Entry Description: EXP; -, SEC: CCD, Client Ref ID: 1111, GS ID: SPB2322984714570 EREF: 1111 DBNM: TEST INC CACT: ACHCONTROLOUTUSD01',
      );
      // The ledger of account 104108339 as the file states it: 010 159581194, 015 159381194.
      expect(statements[2]?.openingBalance?.amountMinor).toBe(159581194n);
      expect(statements[2]?.closingBalance?.amountMinor).toBe(159381194n);
      const sorted = warningsOf(parsed).map((w) => [w.statement, w.code, w.line, w.element, w.message]);
      expect(sorted).toEqual([
        ...trailerWarnings(lastTrailer + 5, lastTrailer + 6, groupTotal, groupRecords),
        [
          3,
          'BALANCE_MISMATCH',
          23,
          'record 03',
          `account 104108339: opening ledger (010) 159581194 + entries ${lastNet} = ${159581194n + lastNet}, but the closing ledger (015) is 159381194`,
        ],
        [
          3,
          'CONTROL_TOTAL_MISMATCH',
          lastTrailer,
          'record 49',
          `account trailer 49 of account 104108339: control total 6869722 but the amounts add up to ${lastTotal}`,
        ],
        [
          3,
          'CONTROL_TOTAL_MISMATCH',
          lastTrailer,
          'record 49',
          `account trailer 49 of account 104108339: says 8 records but there are ${lastRecords}`,
        ],
      ]);
      // The bank's own 49 totals, read straight from the text: the spliced account's is the stray one.
      const trailers = accountTrailerTotals(text);
      expect(trailers).toHaveLength(5);
      expect(trailers[1]).toBe(-1260161341762n);
    });
  }

  it('sample5: slashes inside references and text are data, not record ends', () => {
    const statements = parse('sample5-issue113.txt', read('sample5-issue113.txt')).statements;
    expect(statements[1]?.transactions[2]?.endToEndId).toBe('AB/GS/RPFILERP0001/RPBA0001');
  });

  it('errors/sample-parseError.txt is not BAI2 and is rejected at line 1', () => {
    const text = read('errors/sample-parseError.txt');
    expect(looksBai2(bytes(text), 'sample-parseError.txt')).toBe(false);
    expect(rejection('sample-parseError.txt', text)).toBe(
      'sample-parseError.txt: line 1: the file does not start with a file header 01 (found "00"); nothing was imported',
    );
  });
});

describe.skipIf(!hasData)('BAI2 variants built from sample1', () => {
  const base = hasData ? read('sample1.txt') : '';
  const lines = base.split('\n');
  const withLine = (n: number, replace: (line: string) => string) =>
    lines.map((line, i) => (i === n - 1 ? replace(line) : line)).join('\n');

  it('CRLF line ends and all records on one line parse the same', () => {
    const expected = parse('a', base).statements;
    expect(parse('crlf', base.replaceAll('\n', '\r\n')).statements).toEqual(expected);
    const withoutLocation = (statements: ParsedStatement[]) =>
      statements.map((s) => ({ ...s, transactions: s.transactions.map(({ location: _, ...t }) => t) }));
    const oneLine = parse('one line', lines.join(' ')).statements;
    expect(withoutLocation(oneLine)).toEqual(withoutLocation(expected));
    expect(oneLine[1]?.transactions[0]?.location).toBe('record 16 at line 1');
  });

  const cases: [string, string, string][] = [
    [
      'cut in the middle',
      lines.slice(0, 12).join('\n'),
      'line 12: the file ends inside account 10200123456 (no trailer 49): truncated',
    ],
    [
      'cut after a group',
      lines.slice(0, 26).join('\n'),
      'line 26: the file ends without its file trailer 99: truncated',
    ],
    ['empty', '', 'file: the file is empty'],
    [
      'bad amount',
      withLine(6, (l) => l.replace('000000000090000', '0000000009O000')),
      'line 6: amount of the 409 detail (16) "0000000009O000" is not an amount',
    ],
    [
      'signed detail amount',
      withLine(6, (l) => l.replace('000000000090000', '-00000000090000')),
      'line 6: amount of the 409 detail (16) "-00000000090000" is not an amount (digits without a sign',
    ],
    [
      'bad as-of date',
      withLine(2, (l) => l.replace('060317', '060231')),
      'line 2: as-of date (02) "060231" is not a valid date (YYMMDD)',
    ],
    [
      'bad value date',
      withLine(7, (l) => l.replace('060316', '06031')),
      'line 7: value date "06031" is not a valid date',
    ],
    ['unknown record code', withLine(8, (l) => l.replace(/^16/, '17')), 'line 8: unknown record code "17"'],
    [
      'unknown funds type',
      withLine(9, (l) => l.replace(',V,', ',X,')),
      'line 9: funds type "X" is not one of 0, 1, 2, V, S, D, Z',
    ],
    [
      'unknown currency',
      withLine(2, (l) => l.replace('CAD', 'XYZ')),
      'line 2: currency code "XYZ" is not a known ISO 4217 currency',
    ],
    [
      'version 3',
      withLine(1, (l) => l.replace(',2/', ',3/')),
      'line 1: version number "3" in the file header 01 is not 2 (BAI2)',
    ],
    [
      'test-only group',
      withLine(2, (l) => l.replace(',0004,1,', ',0004,4,')),
      'line 2: group status 4 marks a test-only group',
    ],
    [
      'missing account trailer',
      lines.filter((_, i) => i !== 15).join('\n'),
      'line 16: account 10200123456 has no trailer 49 before the next 03',
    ],
    [
      '16 outside an account',
      withLine(3, (l) => l.replace(/^03/, '16')),
      'line 3: transaction detail 16 outside an account (no 03 before it)',
    ],
    ['88 first', `88,X/\n${base}`, 'line 1: continuation record 88 with no record before it'],
    ['data after the trailer', `${base}\n16,409,1,,,,X/`, 'line 28: record "16" after the file trailer 99'],
    [
      'type code with no direction',
      withLine(5, (l) => l.replace('16,409', '16,901')),
      'line 5: detail type code 901 is neither a credit (100-399) nor a debit (400-699)',
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects: ${what}`, () => {
      const got = rejection(`${what}.bai`, text);
      expect(got).toContain(`${what}.bai: ${message}`);
      expect(got).toMatch(/; nothing was imported$/);
    });
  }

  it("all records on one line: the trailers' record counts still agree, no warning", () => {
    expect(warningsOf(parse('one line', lines.join(' ')))).toEqual([]);
  });
  it('sniffs only BAI2', () => {
    expect(looksBai2(bytes(base), 'x.txt')).toBe(true);
    expect(looksBai2(bytes(`\uFEFF${base}`), 'x.txt')).toBe(true);
    expect(looksBai2(bytes(':20:STARTUMS\n:25:123/456'), 'x.sta')).toBe(false);
    expect(looksBai2(bytes('01,a,b,c\n'), 'x.csv')).toBe(false);
  });
});

/** One test per warning code, each from a valid sample changed in one place. */
describe.skipIf(!hasData)('BAI2 warnings on variants of valid samples', () => {
  const sample1 = hasData ? read('sample1.txt') : '';
  const changed = (text: string, from: string, to: string) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  };
  const warnings = (text: string) =>
    warningsOf(parse('x.bai', text)).map((w) => [w.statement, w.code, w.line, w.element, w.message]);

  it('CONTROL_TOTAL_MISMATCH: each trailer whose total or counts disagree, on its account or the first', () => {
    const expected = parse('sample1.txt', sample1).statements;
    const cases: [string, string, string, (string | number)[]][] = [
      [
        '49,+00000000000834000,14/',
        '49,+00000000000834001,14/',
        'account control total',
        [
          1,
          'CONTROL_TOTAL_MISMATCH',
          16,
          'record 49',
          'account trailer 49 of account 10200123456: control total 834001 but the amounts add up to 834000',
        ],
      ],
      [
        '49,+00000000000834000,14/',
        '49,+00000000000834000,13/',
        'account record count',
        [
          1,
          'CONTROL_TOTAL_MISMATCH',
          16,
          'record 49',
          'account trailer 49 of account 10200123456: says 13 records but there are 14',
        ],
      ],
      [
        '49,+00000000000446000,9/',
        '49,+00000000000446001,9/',
        'second account control total',
        [
          2,
          'CONTROL_TOTAL_MISMATCH',
          25,
          'record 49',
          'account trailer 49 of account 10200123456: control total 446001 but the amounts add up to 446000',
        ],
      ],
      [
        '98,+00000000001280000,2,25/',
        '98,+00000000001280000,3,25/',
        'group account count',
        [
          1,
          'CONTROL_TOTAL_MISMATCH',
          26,
          'record 98',
          'group trailer 98 of the group at line 2: says 3 accounts but there are 2',
        ],
      ],
      [
        '99,+00000000001280000,1,27/',
        '99,+00000000001280001,1,27/',
        'file control total',
        [
          1,
          'CONTROL_TOTAL_MISMATCH',
          27,
          'record 99',
          'file trailer 99: control total 1280001 but the amounts add up to 1280000',
        ],
      ],
      [
        '99,+00000000001280000,1,27/',
        '99,+00000000001280000,1,28/',
        'file record count',
        [1, 'CONTROL_TOTAL_MISMATCH', 27, 'record 99', 'file trailer 99: says 28 records but there are 27'],
      ],
    ];
    for (const [from, to, what, warning] of cases) {
      const parsed = parse(`${what}.bai`, changed(sample1, from, to));
      // Every account, entry and balance as in the original; only the warning is new.
      expect(
        parsed.statements.map(({ warnings: _, ...s }) => s),
        what,
      ).toEqual(expected);
      expect(
        warningsOf(parsed).map((w) => [w.statement, w.code, w.line, w.element, w.message]),
        what,
      ).toEqual([warning]);
    }
  });

  it('CONTROL_TOTAL_MISMATCH: a funds type S distribution that does not add up to its detail (sample2)', () => {
    const text = changed(
      read('sample2.txt'),
      '16,115,450000,S,100000,200000,150000,',
      '16,115,450000,S,100000,200000,150001,',
    );
    const parsed = parse('s.bai', text);
    expect(parsed.statements[0]?.transactions[0]?.amountMinor).toBe(450000n);
    expect(warnings(text)).toEqual([
      [
        1,
        'CONTROL_TOTAL_MISMATCH',
        5,
        'record 16',
        'funds type S distributes 450001 but the amount is 450000',
      ],
    ]);
  });

  it('BALANCE_MISMATCH: sample3 with a closing ledger that opening + entries do not reach', () => {
    const text = read('sample3.txt').replace('015,-3600,', '015,-3700,').replace('060,-3600,', '060,-3700,');
    // Keep the 49, 98 and 99 totals right for the changed 015 (and 060) so only the balance is off.
    const fixed = text
      .replace('49,-1600,11/', '49,-1800,11/')
      .replace('98,2508440,', '98,2508240,')
      .replace('99,2508440,', '99,2508240,');
    const parsed = parse('balance.bai', fixed);
    expect(parsed.statements).toHaveLength(15);
    expect(parsed.statements[0]?.closingBalance?.amountMinor).toBe(-3700n);
    expect(parsed.statements[0]?.transactions).toHaveLength(6);
    expect(warnings(fixed)).toEqual([
      [
        1,
        'BALANCE_MISMATCH',
        2,
        'record 03',
        'account 1111111: opening ledger (010) -3500 + entries -100 = -3600, but the closing ledger (015) is -3700',
      ],
    ]);
  });
});
