import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStatement } from '../src/cli/commands/statement.ts';
import { type Io, toJson } from '../src/cli/io.ts';
import { failureOf } from '../src/cli/report-error.ts';
import { createCustomer } from '../src/modules/customers/index.ts';
import { issueInvoice, recordReceipt } from '../src/modules/receivables/index.ts';
import type { StatementBatch, TStatementDto } from '../src/modules/reports/statements/index.ts';
import { freshDataDir, runSettle, withPgliteOrg } from './cli/run-settle.ts';

type Run = { code: number; out: string[]; json: unknown };

/** `settle statement ...` in this process, against the data folder, with its output captured. */
async function statement(dir: string, ...args: string[]): Promise<Run> {
  const out: string[] = [];
  let json: unknown;
  const io: Io = {
    isJson: args.includes('--json'),
    out: (t) => out.push(t),
    err: () => undefined,
    json: (v) => {
      json = JSON.parse(toJson(v));
    },
  };
  const program = new Command('settle').option('--data-dir <dir>').option('--org <slug>').option('--json');
  program.exitOverride().configureOutput({ writeErr: () => undefined });
  registerStatement(program, io);
  try {
    await program.parseAsync(['statement', ...args, '--data-dir', dir], { from: 'user' });
    return { code: 0, out, json };
  } catch (e) {
    const f = failureOf(e);
    return { code: f.exitCode, out: [f.error.message], json: f.error.toBody() };
  }
}

describe('settle statement', { timeout: 240_000 }, () => {
  const data = freshDataDir();
  const files = mkdtempSync(join(tmpdir(), 'settle-statements-'));
  const run = (...args: string[]) => statement(data.dir, ...args);
  const period = ['--from', '2025-03-01', '--to', '2025-03-31'];

  beforeAll(async () => {
    expect((await runSettle(['init', '--data-dir', data.dir])).code).toBe(0);
    await withPgliteOrg(data.dir, async (ctx) => {
      await createCustomer(ctx, { code: 'ACME', name: '华为 Acme 有限公司', payment_terms_days: 30 });
      await createCustomer(ctx, { code: 'BETA', name: 'Beta Ltd' });
      await createCustomer(ctx, { code: 'ZERO', name: 'Paid Up Ltd' });
      await issueInvoice(ctx, {
        customer: 'ACME',
        number: 'A-1',
        issue_date: '2025-02-10',
        amount: '1130.00',
      });
      await issueInvoice(ctx, {
        customer: 'ACME',
        number: 'A-2',
        issue_date: '2025-03-10',
        amount: '200.00',
      });
      await recordReceipt(ctx, {
        customer: 'ACME',
        date: '2025-03-12',
        amount: '130.00',
        applications: [{ invoice: 'A-1' }],
      });
      await issueInvoice(ctx, { customer: 'BETA', number: 'B-1', issue_date: '2025-03-02', amount: '99.00' });
      await issueInvoice(ctx, { customer: 'ZERO', number: 'Z-1', issue_date: '2025-03-02', amount: '10.00' });
      await recordReceipt(ctx, {
        customer: 'ZERO',
        date: '2025-03-03',
        amount: '10.00',
        applications: [{ invoice: 'Z-1' }],
      });
    });
  });
  afterAll(() => {
    data.remove();
    rmSync(files, { recursive: true, force: true });
  });

  it('prints the statement as a table, or as the JSON document', async () => {
    const table = await run('ACME', ...period);
    expect(table.code).toBe(0);
    expect(table.out[0]).toMatch(/^对账单 — /);
    const text = table.out.join('\n');
    expect(text).toMatch(/期初余额\s+1130\.00/);
    expect(text).toMatch(/期末余额\s+1200\.00/);
    expect(text).toContain('应收余额 1200.00');
    const json = await run('ACME', ...period, '--json', '--locale', 'en');
    const s = json.json as TStatementDto;
    expect([s.locale, s.sections[0]?.closing_balance, s.sections[0]?.lines.length]).toEqual([
      'en',
      '1200.00',
      3,
    ]);
  });

  it('writes the PDF and the workbook', async () => {
    const pdf = join(files, 'acme.pdf');
    const xlsx = join(files, 'acme.xlsx');
    const r = await run('ACME', ...period, '--pdf', pdf, '--xlsx', xlsx);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      expect.stringContaining(`wrote ${pdf} (pdf`),
      expect.stringContaining(`wrote ${xlsx}`),
    ]);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('--all writes one file per customer with a balance, and format', async () => {
    const out = join(files, 'batch');
    const r = await run('--all', '--out', out, '--format', 'both', ...period, '--json');
    expect(r.code).toBe(0);
    const batch = r.json as StatementBatch;
    expect(batch.statements.map((s) => [s.customer.code, s.closing])).toEqual([
      ['ACME', ['1200.00 CNY']],
      ['BETA', ['99.00 CNY']],
    ]);
    expect(readdirSync(out).sort()).toEqual([
      'statement_ACME_2025-03-01_2025-03-31.pdf',
      'statement_ACME_2025-03-01_2025-03-31.xlsx',
      'statement_BETA_2025-03-01_2025-03-31.pdf',
      'statement_BETA_2025-03-01_2025-03-31.xlsx',
    ]);
  });

  it('refuses command lines that do not say what to do (exit 2)', async () => {
    expect(await run(...period)).toMatchObject({
      code: 2,
      out: [expect.stringContaining('name a customer')],
    });
    expect(await run('--all', ...period)).toMatchObject({ code: 2, out: ['--all needs --out <dir>'] });
    expect(await run('ACME', '--out', files)).toMatchObject({ code: 2 });
    expect(await run('ACME', '--from', '2025-13-01')).toMatchObject({
      code: 2,
      out: [expect.stringContaining('--from')],
    });
    expect(await run('--all', '--out', files, '--format', 'doc')).toMatchObject({ code: 2 });
    expect(await run('NOPE', ...period)).toMatchObject({
      code: 1,
      json: { error: { code: 'CUSTOMER_NOT_FOUND' } },
    });
    expect(existsSync(join(files, 'statement_NOPE'))).toBe(false);
  });
});
