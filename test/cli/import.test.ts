import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInvoiceDto } from '../../src/modules/receivables/index.ts';
import { freshDataDir, parseJson, runSettle } from './run-settle.ts';

const CUSTOMERS = `客户编码,客户名称,账期,标签
K1,杭州西湖贸易有限公司,45,VIP
K2,Berlin Tools GmbH,60,
`;

const INVOICES = `customer_code,customer_name,invoice_number,issue_date,due_date,currency,amount,tax_amount
K1,杭州西湖贸易有限公司,INV-100,2025-01-05,2025-02-04,CNY,"11,300.00",1300.00
K1,杭州西湖贸易有限公司,INV-101,2025-01-20,2025-02-19,CNY,565.00,65.00
K3,深圳市鹏程电子科技有限公司,INV-102,2025-02-01,2025-03-03,CNY,1000.00,
`;

type ImportJson = { file: string; kind: string; rows: number; created: number; customers_created: number };
type RejectedJson = {
  error: {
    code: string;
    details: { issues: Array<{ file: string; line: number; column: string; reason: string }> };
  };
};

describe('settle customers import / invoices import', { timeout: 240_000 }, () => {
  const data = freshDataDir();
  const at = (...args: string[]) => [...args, '--data-dir', data.dir];
  const file = (name: string, text: string) => {
    const path = join(data.dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    expect((await runSettle(at('init'))).code).toBe(0);
  });
  afterAll(() => data.remove());

  it('imports customers and prints what it did', async () => {
    const r = await runSettle(at('customers', 'import', file('customers.csv', CUSTOMERS), '--json'));
    expect(r.code).toBe(0);
    expect(parseJson<ImportJson>(r)).toMatchObject({
      file: 'customers.csv',
      kind: 'customers',
      rows: 2,
      created: 2,
    });
    const again = await runSettle(at('customers', 'import', file('customers.csv', CUSTOMERS)));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/customers\.csv \(csv.*\): 2 row\(s\); 0 customers created, 2 unchanged/);
  });

  it('a file with a bad row is rejected whole, naming file, line and column; exit non-zero', async () => {
    const bad = file('bad.csv', INVOICES.replace('2025-01-20,2025-02-19', '2025-01-20,2025-02-30'));
    const human = await runSettle(at('invoices', 'import', bad));
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^bad\.csv:3: column due_date: .*2025-02-30/m);
    expect(human.stderr).toMatch(/IMPORT_REJECTED/);
    const json = await runSettle(at('invoices', 'import', bad, '--json'));
    expect(json.code).toBe(1);
    const body = parseJson<RejectedJson>(json);
    expect(body.error.code).toBe('IMPORT_REJECTED');
    expect(body.error.details.issues).toEqual([
      expect.objectContaining({ file: 'bad.csv', line: 3, column: 'due_date' }),
    ]);
    const list = await runSettle(at('invoices', 'list', '--json'));
    expect(parseJson<{ items: unknown[] }>(list).items).toEqual([]);
  });

  it('a good file imports every row, creating unknown customers', async () => {
    const r = await runSettle(at('invoices', 'import', file('invoices.csv', INVOICES), '--json'));
    expect(r.code).toBe(0);
    expect(parseJson<ImportJson>(r)).toMatchObject({
      kind: 'invoices',
      rows: 3,
      created: 3,
      customers_created: 1,
    });
    const list = parseJson<{ items: TInvoiceDto[] }>(
      await runSettle(at('invoices', 'list', '--sort', 'number', '--json')),
    );
    expect(list.items.map((i) => [i.number, i.customer.code, i.total])).toEqual([
      ['INV-100', 'K1', '11300.00'],
      ['INV-101', 'K1', '565.00'],
      ['INV-102', 'K3', '1000.00'],
    ]);
  });

  it('a missing file is a usage error', async () => {
    const r = await runSettle(at('invoices', 'import', join(data.dir, 'nope.csv'), '--json'));
    expect(r.code).toBe(2);
    expect(parseJson<{ error: { code: string; message: string } }>(r).error.message).toMatch(/no such file/);
  });
});
