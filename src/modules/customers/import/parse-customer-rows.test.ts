import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../shared/tabular/index.ts';
import { parseChannelCell } from './parse-channel-cell.ts';
import { parseCustomerRows } from './parse-customer-rows.ts';

const OPTIONS = { defaultCurrency: 'CNY' };
const csv = (name: string, ...lines: string[]) => ({
  name,
  bytes: new TextEncoder().encode(lines.join('\n')),
});
const brief = (issues: ImportIssue[]) => issues.map((i) => [i.line, i.column, i.code]);

const CHINESE_HEADER =
  '客户编码,客户名称,公司全称,统一社会信用代码,联系人,电子邮箱,联系电话,首选渠道,账期（天）,信用额度(元),币种,业务员,标签,国家';

describe('parseCustomerRows', () => {
  it('reads every column of a Chinese customer master in GB18030', async () => {
    const text = [
      '客户档案导出',
      CHINESE_HEADER,
      'K001,甲公司,上海甲贸易有限公司,91310000MA1FL0000X,王五,wang@jia.cn,021-55550000,微信,60,"500,000.00",,张三,"重点, 华东、VIP",中国',
      'K002,乙公司,,,,,,Email,,1000,usd,,,us',
    ].join('\r\n');
    const result = await parseCustomerRows(
      { name: '客户.csv', bytes: iconv.encode(text, 'gb18030') },
      OPTIONS,
    );
    expect(result.issues).toEqual([]);
    expect(result.encoding).toBe('gb18030');
    expect(result.rows).toEqual([
      {
        line: 3,
        code: 'K001',
        name: '甲公司',
        legalName: '上海甲贸易有限公司',
        taxId: '91310000MA1FL0000X',
        contactName: '王五',
        email: 'wang@jia.cn',
        phone: '021-55550000',
        preferredChannel: 'wechat',
        paymentTermsDays: 60,
        creditLimitMinor: 50000000n,
        currency: null,
        salesperson: '张三',
        tags: ['重点', '华东', 'VIP'],
        country: 'CN',
      },
      {
        line: 4,
        code: 'K002',
        name: '乙公司',
        legalName: null,
        taxId: null,
        contactName: null,
        email: null,
        phone: null,
        preferredChannel: 'email',
        paymentTermsDays: null,
        creditLimitMinor: 100000n,
        currency: 'USD',
        salesperson: null,
        tags: [],
        country: 'US',
      },
    ]);
  });

  it('reads the credit limit in the row currency', async () => {
    const result = await parseCustomerRows(
      csv('c.csv', 'code,name,credit_limit,currency', 'A,a,1500,JPY', 'B,b,1500.5,JPY'),
      OPTIONS,
    );
    expect(result.rows.map((r) => [r.code, r.creditLimitMinor])).toEqual([['A', 1500n]]);
    expect(brief(result.issues)).toEqual([[3, 'credit_limit', 'TOO_MANY_DECIMALS']]);
  });

  it('reads an xlsx customer list', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['Customer Code', 'Customer Name', 'E-mail', 'Credit Limit']);
    sheet.addRow([1001, 'Acme', { text: 'ap@acme.com', hyperlink: 'mailto:ap@acme.com' }, 25000.5]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parseCustomerRows({ name: 'customers.xlsx', bytes }, OPTIONS);
    expect(result.issues).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      line: 2,
      code: '1001',
      email: 'ap@acme.com',
      creditLimitMinor: 2500050n,
    });
  });

  it('reports every bad cell with its code and the header as written', async () => {
    const file = csv(
      'customers.csv',
      CHINESE_HEADER,
      'K1,甲,,,,not-an-email,,,,,,,,', // 2: BAD_EMAIL
      'K2,乙,,,,,,pigeon,,,,,,', // 3: BAD_CHANNEL
      'K3,丙,,,,,,,-30,,,,,', // 4: BAD_NUMBER
      'K4,丁,,,,,,,,-1,,,,', // 5: NEGATIVE_AMOUNT
      'K5,戊,,,,,,,,abc,,,,', // 6: BAD_AMOUNT
      'K6,己,,,,,,,,,RMBX,,,', // 7: UNKNOWN_CURRENCY
      'K7,庚,,,,,,,,,,,,Narnia', // 8: BAD_COUNTRY
      'K1,辛,,,,,,,,,,,,', // 9: DUPLICATE_IN_FILE
      ',,,,,a@b.cn,,,,,,,,', // 10: MISSING_VALUE x2
    );
    const result = await parseCustomerRows(file, OPTIONS);
    expect(brief(result.issues)).toEqual([
      [2, '电子邮箱', 'BAD_EMAIL'],
      [3, '首选渠道', 'BAD_CHANNEL'],
      [4, '账期（天）', 'BAD_NUMBER'],
      [5, '信用额度(元)', 'NEGATIVE_AMOUNT'],
      [6, '信用额度(元)', 'BAD_AMOUNT'],
      [7, '币种', 'UNKNOWN_CURRENCY'],
      [8, '国家', 'BAD_COUNTRY'],
      [9, '客户编码', 'DUPLICATE_IN_FILE'],
      [10, '客户编码', 'MISSING_VALUE'],
      [10, '客户名称', 'MISSING_VALUE'],
    ]);
    const reasons = result.issues.map((i) => i.reason);
    expect(reasons).toContain('bad email address "not-an-email" (one address like name@example.com)');
    expect(reasons).toContain('unknown contact channel "pigeon" (use email, phone, sms, wechat, letter)');
    expect(reasons).toContain('customer code "K1" already appears on line 2');
    expect(result.rows.map((r) => r.line)).toEqual([]);
  });

  it('requires the code and name columns', async () => {
    const result = await parseCustomerRows(csv('c.csv', '客户名称,邮箱', '甲,a@b.cn'), OPTIONS);
    expect(brief(result.issues)).toEqual([[null, null, 'MISSING_COLUMN']]);
    expect(result.issues[0]?.reason).toContain('missing customer_code (客户编码)');
  });

  it('takes 客户全称 as the name alone, and as ignored beside a short name', async () => {
    const alone = await parseCustomerRows(csv('a.csv', '客户编码,客户全称', 'K,甲有限公司'), OPTIONS);
    expect(alone.rows[0]?.name).toBe('甲有限公司');
    const both = await parseCustomerRows(
      csv('b.csv', '客户编码,客户简称,客户全称', 'K,甲,甲有限公司'),
      OPTIONS,
    );
    expect(both.rows[0]?.name).toBe('甲');
    expect(both.ignoredColumns).toEqual(['客户全称']);
  });
});

describe('parseChannelCell', () => {
  it('knows English and Chinese channel names', () => {
    expect(
      ['E-mail', '邮件', 'PHONE', '电话', 'sms', '短信', 'WeChat', '微信', 'letter', '信函'].map(
        parseChannelCell,
      ),
    ).toEqual(['email', 'email', 'phone', 'phone', 'sms', 'sms', 'wechat', 'wechat', 'letter', 'letter']);
    expect(parseChannelCell('fax')).toBeNull();
    expect(parseChannelCell('constructor')).toBeNull();
  });
});
