import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, freshDataDir, parseJson, runSettle, withPgliteOrg } from './run-settle.ts';

type ImportJson = {
  file: string;
  format: string;
  transactions: number;
  duplicates: number;
  matched: number;
  suggested: number;
  unmatched: number;
  accounts: { name: string; resolved_by: string }[];
};
type ErrorJson = { error: { code: string; message: string } };

const HEADER = '交易日期,交易流水号,摘要,贷方发生额,借方发生额,余额,对方户名,对方账号,附言';

/** A generic Chinese corporate export (cn-corporate preset) whose running balance adds up. */
function corporateCsv(account: string, lines: number, seed = 1): string {
  const rows = ['账户明细查询', `账号：${account},户名：上海某某有限公司`, HEADER];
  let balance = 100_000_000n;
  const money = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
  for (let i = 0; i < lines; i++) {
    const day = `2025-${String(1 + Math.floor(i / (lines / 12 + 1))).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const cents = BigInt(100 + ((i * 7919 + seed) % 5_000_000));
    const isIn = i % 5 !== 0;
    balance += isIn ? cents : -cents;
    rows.push(
      [
        day,
        `SN${seed}-${i}`,
        isIn ? '货款' : '付款',
        isIn ? money(cents) : '',
        isIn ? '' : money(cents),
        money(balance),
        `客户${i % 997}有限公司`,
        `6222${String(i % 997).padStart(12, '0')}`,
        `INV-${i}`,
      ].join(','),
    );
  }
  return rows.join('\r\n');
}

async function countLines(dir: string): Promise<number> {
  return withPgliteOrg(dir, async (ctx) => {
    const r = await sql<{ n: bigint }>`select count(*)::int8 as n from bank_transactions`.execute(ctx.db);
    return Number(r.rows[0]?.n ?? -1);
  });
}

describe('settle bank', { timeout: 300_000 }, () => {
  const data = freshDataDir();
  const at = (...args: string[]) => [...args, '--data-dir', data.dir];
  const file = (name: string, text: string) => {
    const path = join(data.dir, '..', name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    expect((await runSettle(at('init'))).code).toBe(0);
  });
  afterAll(() => data.remove());

  it('adds and lists bank accounts; a second one with the same number is refused', async () => {
    const add = await runSettle(
      at(
        'bank',
        'accounts',
        'add',
        '--name',
        '基本户',
        '--currency',
        'cny',
        '--number',
        '1100 2233 4455',
        '--json',
      ),
    );
    expect(add.code).toBe(0);
    expect(parseJson(add)).toMatchObject({
      name: '基本户',
      currency: 'CNY',
      account_number: '1100 2233 4455',
    });
    const again = await runSettle(
      at(
        'bank',
        'accounts',
        'add',
        '--name',
        'other',
        '--currency',
        'CNY',
        '--number',
        '110022334455',
        '--json',
      ),
    );
    expect(again.code).toBe(1);
    expect(parseJson<ErrorJson>(again).error.code).toBe('BANK_ACCOUNT_EXISTS');
    const bad = await runSettle(at('bank', 'accounts', 'add', '--name', 'x', '--currency', 'XYZ', '--json'));
    expect(bad.code).toBe(2);
    const list = await runSettle(at('bank', 'accounts', 'list', '--json'));
    expect(parseJson<{ items: unknown[] }>(list).items).toEqual([
      expect.objectContaining({ name: '基本户', gl_account_code: '1002' }),
    ]);
    const human = await runSettle(at('bank', 'accounts', 'list'));
    expect(human.stdout).toMatch(/基本户\s+CNY\s+1100 2233 4455\s+1002/);
  });

  it('imports a statement once: the same file again adds nothing; errors leave as JSON', async () => {
    const path = file('stmt.csv', corporateCsv('110022334455', 50));
    const first = await runSettle(at('bank', 'import', path, '--json', '--no-match'));
    expect(first.code, first.stderr).toBe(0);
    const body = parseJson<ImportJson>(first);
    expect(body).toMatchObject({ format: 'csv', transactions: 50, duplicates: 0, matched: 0, suggested: 0 });
    expect(body.unmatched).toBe(40); // every fifth line is money out: stored, never queued
    expect(body.accounts).toEqual([expect.objectContaining({ name: '基本户', resolved_by: 'identifier' })]);
    const second = await runSettle(at('bank', 'import', path, '--json', '--no-match'));
    expect(parseJson<ImportJson>(second)).toMatchObject({ transactions: 0, duplicates: 50, unmatched: 0 });
    const human = await runSettle(at('bank', 'import', path, '--no-match'));
    expect(human.stdout).toContain(
      'stmt.csv (csv, utf-8): 1 statement(s); 0 new line(s), 50 already imported',
    );

    const cut = await runSettle(
      at('bank', 'import', file('cut.csv', `${HEADER}\n2025-13-01,SN,x,1.00,,1.00,,,`), '--json'),
    );
    expect(cut.code).toBe(1);
    expect(parseJson<ErrorJson>(cut).error.code).toBe('STATEMENT_REJECTED');
    const unknown = await runSettle(at('bank', 'import', path, '--account', 'nope', '--json'));
    expect(parseJson<ErrorJson>(unknown).error).toMatchObject({ code: 'BANK_ACCOUNT_NOT_FOUND' });
    const missing = await runSettle(at('bank', 'import', join(data.dir, 'none.csv'), '--json'));
    expect(missing.code).toBe(2);
    expect(await countLines(data.dir)).toBe(50);
  });

  it('a process killed mid-import leaves nothing half-written; a re-run imports every line once', async () => {
    const LINES = 100_000;
    const path = file('big.csv', corporateCsv('6600112233', LINES, 7));
    const child: ChildProcess = spawn(
      process.execPath,
      [BIN, 'bank', 'import', path, '--json', '--no-match', '--data-dir', data.dir],
      { env: { ...process.env, DATABASE_URL: '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Kill once it is inside its transaction, writing.
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('writing')) resolve();
      });
      void exited.then(() => reject(new Error(`exited before writing:\n${stdout}\n${stderr}`)));
    });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    const end = await exited;
    expect(end.signal).toBe('SIGKILL');
    expect(stdout).toBe(''); // killed before it could report: the transaction was still open
    const afterKill = await countLines(data.dir);
    expect([50, 50 + LINES]).toContain(afterKill);
    console.info(`killed mid-import: ${afterKill - 50} of ${LINES} lines present afterwards`);

    const rerun = await runSettle(at('bank', 'import', path, '--json', '--no-match'));
    expect(rerun.code, rerun.stderr).toBe(0);
    const body = parseJson<ImportJson>(rerun);
    expect(body.transactions + body.duplicates).toBe(LINES);
    expect(body.transactions).toBe(afterKill === 50 ? LINES : 0);
    expect(await countLines(data.dir)).toBe(50 + LINES);
  });
});
