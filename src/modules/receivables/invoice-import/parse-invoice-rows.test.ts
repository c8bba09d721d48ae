import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MoneyFormatError } from '../../../shared/money/index.ts';
import { formatIssue, type ImportIssue } from '../../../shared/tabular/index.ts';
import { parseInvoiceRows } from './parse-invoice-rows.ts';

const HEADER = 'customer_code,customer_name,invoice_number,issue_date,due_date,currency,amount';
const OPTIONS = { defaultCurrency: 'CNY' };

const csv = (name: string, ...lines: string[]) => ({
  name,
  bytes: new TextEncoder().encode(lines.join('\n')),
});
const parse = (file: { name: string; bytes: Uint8Array }) => parseInvoiceRows(file, OPTIONS);
const brief = (issues: ImportIssue[]) => issues.map((i) => [i.line, i.column, i.code]);

describe('parseInvoiceRows: reading', () => {
  it('reads a canonical file with every column', async () => {
    const file = csv(
      'invoices.csv',
      `${HEADER},tax_amount,po_number,salesperson,payment_terms_days,fx_rate,description`,
      'C001,Acme Ltd,INV-1,2025-01-31,2025-03-02,usd,1234.56,142.03,PO-9,Li Lei,30,7.1234,First order',
      'C002,Beta,INV-2,2025-02-01,2025-02-01,,10,,,,,,',
    );
    const result = await parse(file);
    expect(result.issues).toEqual([]);
    expect(result.encoding).toBe('utf-8');
    expect(result.format).toBe('csv');
    expect(result.ignoredColumns).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        customerCode: 'C001',
        customerName: 'Acme Ltd',
        invoiceNumber: 'INV-1',
        issueDate: '2025-01-31',
        dueDate: '2025-03-02',
        currency: 'USD',
        amountMinor: 123456n,
        taxMinor: 14203n,
        poNumber: 'PO-9',
        salesperson: 'Li Lei',
        paymentTermsDays: 30,
        fxRate: '7.1234',
        description: 'First order',
      },
      {
        line: 3,
        customerCode: 'C002',
        customerName: 'Beta',
        invoiceNumber: 'INV-2',
        issueDate: '2025-02-01',
        dueDate: '2025-02-01',
        currency: 'CNY',
        amountMinor: 1000n,
        taxMinor: 0n,
        poNumber: null,
        salesperson: null,
        paymentTermsDays: null,
        fxRate: null,
        description: null,
      },
    ]);
  });

  it('reads a GB18030 ERP export with Chinese headers, title lines, units and quoted amounts', async () => {
    const text = [
      '应收账款明细表',
      '编制单位：上海某某贸易有限公司,,,,,,,,',
      '客户编码,客户名称,发票号码,开票日期,到期日,币种,价税合计(元),税额（元）,业务员,部门',
      'K-001,上海甲公司,00012345,2025/1/5,2025年2月4日,人民币,"1,234.00","141.96",张三,华东',
      '',
      'K-002,北京乙公司,00012346,20250106,2025-03-07,CNY,"¥12,000.50",0,李四,华北',
    ].join('\r\n');
    const result = await parse({ name: '应收.csv', bytes: iconv.encode(text, 'gb18030') });
    expect(result.issues).toEqual([]);
    expect(result.encoding).toBe('gb18030');
    expect(result.ignoredColumns).toEqual(['部门']);
    expect(
      result.rows.map((r) => [r.line, r.customerName, r.invoiceNumber, r.issueDate, r.dueDate, r.currency]),
    ).toEqual([
      [4, '上海甲公司', '00012345', '2025-01-05', '2025-02-04', 'CNY'],
      [6, '北京乙公司', '00012346', '2025-01-06', '2025-03-07', 'CNY'],
    ]);
    expect(result.rows.map((r) => [r.amountMinor, r.taxMinor, r.salesperson])).toEqual([
      [123400n, 14196n, '张三'],
      [1200050n, 0n, '李四'],
    ]);
  });

  it('reads UTF-8 with a BOM, semicolons and a VAT export where 金额 is the net amount', async () => {
    const text =
      '\uFEFF客户编码;客户名称;发票号;开票日期;到期日;币种;金额;税额;价税合计\nC1;甲;F1;2025-01-01;2025-01-31;CNY;100.00;13.00;113.00\n';
    const result = await parse({ name: 'vat.csv', bytes: new TextEncoder().encode(text) });
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.issues).toEqual([]);
    expect(result.ignoredColumns).toEqual(['金额']);
    expect(result.rows[0]).toMatchObject({
      line: 2,
      customerCode: 'C1',
      amountMinor: 11300n,
      taxMinor: 1300n,
    });
  });

  it('numbers rows after a multi-line quoted cell by their physical line', async () => {
    const file = csv(
      'multi.csv',
      `${HEADER},description`,
      'C1,A,INV-1,2025-01-01,2025-02-01,CNY,10,"first line',
      'second line',
      'third line"',
      'C1,A,INV-2,2025-01-01,2025-02-30,CNY,10,',
    );
    const result = await parse(file);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ line: 2, description: 'first line\nsecond line\nthird line' });
    expect(brief(result.issues)).toEqual([[5, 'due_date', 'BAD_DATE']]);
  });

  it('reads the first worksheet of an xlsx file with Date, number and formula cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['2025年应收发票']);
    sheet.addRow(['客户编码', '客户名称', '发票号', '开票日期', '到期日期', '币种', '金额', '账期']);
    sheet.addRow(['C001', '甲公司', 1001, new Date(Date.UTC(2025, 0, 31)), null, 'CNY', 1234.56, 30]);
    sheet.addRow([
      'C002',
      '乙公司',
      'F-1002',
      '2025-02-01',
      new Date(Date.UTC(2025, 2, 3)),
      'JPY',
      150000,
      null,
    ]);
    sheet.getCell('G4').value = { formula: '1500*100', result: 150000 };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parse({ name: 'invoices.xlsx', bytes });
    expect(result.issues).toEqual([]);
    expect(result.format).toBe('xlsx');
    expect(result.encoding).toBeUndefined();
    expect(
      result.rows.map((r) => [r.line, r.invoiceNumber, r.issueDate, r.dueDate, r.currency, r.amountMinor]),
    ).toEqual([
      [3, '1001', '2025-01-31', '2025-03-02', 'CNY', 123456n],
      [4, 'F-1002', '2025-02-01', '2025-03-03', 'JPY', 150000n],
    ]);
  });

  it('rejects a bad default currency as a caller error', async () => {
    await expect(parseInvoiceRows(csv('a.csv', HEADER), { defaultCurrency: 'XXX' })).rejects.toThrow(
      MoneyFormatError,
    );
  });
});

describe('parseInvoiceRows: issues', () => {
  it('reports exactly the one bad cell of an otherwise good file', async () => {
    const file = csv(
      'invoices.csv',
      '客户编码,客户名称,发票号,开票日期,到期日,币种,金额',
      ...Array.from(
        { length: 20 },
        (_, i) => `C${i},客户${i},INV-${i},2025-02-01,${i === 15 ? '2025-02-30' : '2025-03-01'},CNY,100`,
      ),
    );
    const result = await parse(file);
    expect(result.issues).toEqual([
      {
        file: 'invoices.csv',
        line: 17,
        column: '到期日',
        code: 'BAD_DATE',
        reason: 'bad date "2025-02-30" (use YYYY-MM-DD)',
      },
    ]);
    expect(result.issues.map(formatIssue)).toEqual([
      'invoices.csv:17: column 到期日: bad date "2025-02-30" (use YYYY-MM-DD)',
    ]);
    expect(result.rows).toHaveLength(19);
    expect(result.rows.some((r) => r.line === 17)).toBe(false);
  });

  it('reports every bad cell of every row, each with its code', async () => {
    const file = csv(
      'bad.csv',
      `${HEADER},tax_amount,payment_terms_days,fx_rate`,
      ',Name,INV-1,2025-01-01,2025-01-31,CNY,100,,,', // 2: MISSING_VALUE customer_code
      'C,Name,INV-2,2025-13-01,2025-01-31,CNY,100,,,', // 3: BAD_DATE issue_date
      'C,Name,INV-3,2025-01-01,2025-01-31,CNY,12abc,,,', // 4: BAD_AMOUNT
      'C,Name,INV-4,2025-01-01,2025-01-31,CNY,-5.00,,,', // 5: NEGATIVE_AMOUNT
      'C,Name,INV-5,2025-01-01,2025-01-31,CNY,0,,,', // 6: NEGATIVE_AMOUNT (zero)
      'C,Name,INV-6,2025-01-01,2025-01-31,CNY,1.234,,,', // 7: TOO_MANY_DECIMALS
      'C,Name,INV-7,2025-01-01,2025-01-31,XYZ,100,,,', // 8: UNKNOWN_CURRENCY
      'C,Name,INV-1,2025-01-01,2025-01-31,CNY,100,,,', // 9: DUPLICATE_IN_FILE
      'C,Name,INV-9,2025-02-01,2025-01-31,CNY,100,,,', // 10: DUE_BEFORE_ISSUE
      'C,Name,INV-10,2025-01-01,2025-01-31,CNY,100,100.01,,', // 11: TAX_EXCEEDS_AMOUNT
      'C,Name,INV-11,2025-01-01,,CNY,100,,thirty,', // 12: BAD_NUMBER (and no due date)
      'C,Name,INV-12,2025-01-01,2025-01-31,CNY,100,,,0', // 13: BAD_RATE
      'C,Name,INV-13,2025-01-01,,CNY,100,,,', // 14: MISSING_VALUE due_date
      'C,Name,INV-14,2025-01-01,2025-01-31,CNY,100,-1,,', // 15: NEGATIVE_AMOUNT tax
      ',,,,,,,,,', // blank: skipped
      'C,Name,INV-16,,2025-01-31,XYZ,1.2.3,,,abc', // 17: several at once
    );
    const result = await parse(file);
    expect(result.rows).toEqual([]);
    expect(brief(result.issues)).toEqual([
      [2, 'customer_code', 'MISSING_VALUE'],
      [3, 'issue_date', 'BAD_DATE'],
      [4, 'amount', 'BAD_AMOUNT'],
      [5, 'amount', 'NEGATIVE_AMOUNT'],
      [6, 'amount', 'NEGATIVE_AMOUNT'],
      [7, 'amount', 'TOO_MANY_DECIMALS'],
      [8, 'currency', 'UNKNOWN_CURRENCY'],
      [9, 'invoice_number', 'DUPLICATE_IN_FILE'],
      [10, 'due_date', 'DUE_BEFORE_ISSUE'],
      [11, 'tax_amount', 'TAX_EXCEEDS_AMOUNT'],
      [12, 'payment_terms_days', 'BAD_NUMBER'],
      [13, 'fx_rate', 'BAD_RATE'],
      [14, 'due_date', 'MISSING_VALUE'],
      [15, 'tax_amount', 'NEGATIVE_AMOUNT'],
      [17, 'issue_date', 'MISSING_VALUE'],
      [17, 'currency', 'UNKNOWN_CURRENCY'],
      [17, 'amount', 'BAD_AMOUNT'],
      [17, 'fx_rate', 'BAD_RATE'],
    ]);
    const reasons = new Map(result.issues.map((i) => [`${i.line}:${i.code}`, i.reason]));
    expect(reasons.get('5:NEGATIVE_AMOUNT')).toBe('amount "-5.00" must be greater than 0');
    expect(reasons.get('7:TOO_MANY_DECIMALS')).toBe('amount "1.234" has 3 decimal places but CNY allows 2');
    expect(reasons.get('8:UNKNOWN_CURRENCY')).toBe('unknown currency "XYZ" (use an ISO 4217 code like CNY)');
    expect(reasons.get('9:DUPLICATE_IN_FILE')).toBe('invoice number "INV-1" already appears on line 2');
    expect(reasons.get('10:DUE_BEFORE_ISSUE')).toBe(
      'due date "2025-01-31" is before issue date "2025-02-01"',
    );
    expect(reasons.get('11:TAX_EXCEEDS_AMOUNT')).toBe('tax amount "100.01" exceeds the amount "100"');
    expect(reasons.get('12:BAD_NUMBER')).toBe(
      'bad payment terms "thirty" (use whole days from 0 to 3650, e.g. 30)',
    );
    expect(reasons.get('13:BAD_RATE')).toBe('bad exchange rate "0" (use a positive decimal like 7.1234)');
  });

  it('derives the due date from payment terms when it is blank', async () => {
    const file = csv(
      't.csv',
      'customer_code,customer_name,invoice_number,issue_date,due_date,currency,amount,账期（天）',
      'C,N,I,2025-01-31,,CNY,5,30天',
    );
    const result = await parse(file);
    expect(result.issues).toEqual([]);
    expect(result.rows[0]).toMatchObject({ dueDate: '2025-03-02', paymentTermsDays: 30 });
  });

  it('names the missing required columns when no header is found', async () => {
    const result = await parse(csv('x.csv', 'title', 'customer_code,invoice_number,amount', 'C,I,5'));
    expect(result.rows).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      file: 'x.csv',
      line: null,
      column: null,
      code: 'MISSING_COLUMN',
    });
    expect(result.issues[0]?.reason).toContain(
      'missing customer_name (客户名称), issue_date (开票日期), due_date (到期日), currency (币种) (closest header candidate: line 2)',
    );
  });

  it('reports a column given twice', async () => {
    const result = await parse(csv('d.csv', `${HEADER},发票金额`, 'C,N,I,2025-01-01,2025-01-02,CNY,5,5'));
    expect(brief(result.issues)).toEqual([[1, '发票金额', 'DUPLICATE_COLUMN']]);
  });

  it('reports empty files, header-only files, unreadable files and unclosed quotes', async () => {
    expect(brief((await parse({ name: 'e.csv', bytes: new Uint8Array() })).issues)).toEqual([
      [null, null, 'EMPTY_FILE'],
    ]);
    const headerOnly = await parse(csv('h.csv', HEADER, ',,,,,,'));
    expect(headerOnly.issues).toEqual([
      {
        file: 'h.csv',
        line: null,
        column: null,
        code: 'EMPTY_FILE',
        reason: 'no data rows below the header on line 1',
      },
    ]);
    expect(brief((await parse(csv('bad.xlsx', 'not a workbook'))).issues)).toEqual([
      [null, null, 'UNREADABLE_FILE'],
    ]);
    const unclosed = await parse(
      csv('q.csv', HEADER, 'C,N,I1,2025-01-01,2025-01-02,CNY,5', 'C,"N,I2,2025-01-01,2025-01-02,CNY,5'),
    );
    expect(unclosed.rows).toHaveLength(1);
    expect(brief(unclosed.issues)).toEqual([[3, null, 'UNREADABLE_FILE']]);
  });
});
