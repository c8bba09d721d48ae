import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInvoiceDto, TReceiptDto } from '../../src/modules/receivables/index.ts';
import { TEMPLATE_DB_NAME } from '../../src/shared/testing/test-templates.ts';
import { parseJson, runSettle } from './run-settle.ts';

const adminUrl = process.env.DATABASE_URL;

describe.skipIf(!adminUrl)('settle on PostgreSQL (DATABASE_URL)', { timeout: 240_000 }, () => {
  const name = `settle_cli_${process.pid}_${Date.now().toString(36)}`;
  let url = '';
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const run = (...args: string[]) => runSettle(args, { DATABASE_URL: url });

  beforeAll(async () => {
    await admin(`create database ${name} template ${TEMPLATE_DB_NAME}`);
    const u = new URL(adminUrl ?? '');
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('init, then a receipt applied to an imported invoice', async () => {
    const init = await run('init', '--org', 'pg-co', '--json');
    expect(init.code).toBe(0);
    expect(parseJson<{ created: boolean; database: string }>(init)).toMatchObject({
      created: true,
      database: expect.stringContaining('PostgreSQL'),
    });
    expect(parseJson<{ created: boolean }>(await run('init', '--json')).created).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'settle-cli-pg-'));
    try {
      const csv = join(dir, 'invoices.csv');
      writeFileSync(
        csv,
        'customer_code,customer_name,invoice_number,issue_date,due_date,currency,amount\nP1,Postgres Co,PG-1,2025-01-05,2025-02-04,CNY,300.00\n',
      );
      expect((await run('invoices', 'import', csv)).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const r = await run(
      'receipts',
      'record',
      '--customer',
      'P1',
      '--amount',
      '300.00',
      '--date',
      '2025-02-01',
      '--apply',
      'PG-1',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(parseJson<TReceiptDto>(r)).toMatchObject({ applied: '300.00', unapplied: '0.00' });
    const list = parseJson<{ items: TInvoiceDto[] }>(await run('invoices', 'list', '--json'));
    expect(list.items.map((i) => [i.number, i.status, i.open_amount])).toEqual([['PG-1', 'paid', '0.00']]);
  });
});
