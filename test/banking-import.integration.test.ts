import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBankAccount,
  importBankStatement,
  listBankAccounts,
  listBankTransactions,
} from '../src/modules/banking/index.ts';
import { rotateKeys } from '../src/modules/keys/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { AppError } from '../src/shared/errors/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';
import { sharedDataFile } from './support/shared-data.ts';

const ICBC = sharedDataFile('bank-statements/cn-banks/icbc/debit-v1/example-icbc-debit-v1-records.csv');
const hasData = existsSync(ICBC);
if (!hasData) console.warn(`SKIPPED: the shared bank samples are not at ${ICBC}`);

type Line = { date: string; cents: bigint; text: string; ref?: string };

const amountText = (cents: bigint) => {
  const a = cents < 0n ? -cents : cents;
  return `${a / 100n},${String(a % 100n).padStart(2, '0')}`;
};
const yymmdd = (date: string) => date.slice(2).replaceAll('-', '');

/** A one-statement MT940 file whose balances add up. */
function mt940(iban: string, number: string, opening: bigint, lines: Line[]): string {
  const first = lines[0]?.date ?? '2025-03-01';
  const last = lines.at(-1)?.date ?? first;
  const closing = lines.reduce((s, l) => s + l.cents, opening);
  const balance = (tag: string, date: string, v: bigint) =>
    `:${tag}:${v < 0n ? 'D' : 'C'}${yymmdd(date)}EUR${amountText(v)}`;
  return [
    `:20:STMT${number}`,
    `:25:${iban}`,
    `:28C:${number}/1`,
    balance('60F', first, opening),
    ...lines.flatMap((l) => [
      `:61:${yymmdd(l.date)}${yymmdd(l.date).slice(2)}${l.cents < 0n ? 'D' : 'C'}${amountText(l.cents)}NTRFNONREF${l.ref ? `//${l.ref}` : ''}`,
      `:86:166?00GUTSCHRIFT?20SVWZ+${l.text}?32Muster GmbH`,
    ]),
    balance('62F', last, closing),
    '-',
  ].join('\r\n');
}

const enc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function lineCount(ctx: Ctx): Promise<number> {
  const r = await sql<{ n: bigint }>`select count(*)::int8 as n from bank_transactions`.execute(ctx.db);
  return Number(r.rows[0]?.n ?? -1);
}

async function tableCounts(ctx: Ctx) {
  const r = await sql<{ a: bigint; s: bigint; t: bigint }>`select
    (select count(*) from bank_accounts)::int8 as a,
    (select count(*) from bank_statements)::int8 as s,
    (select count(*) from bank_transactions)::int8 as t`.execute(ctx.db);
  return r.rows[0];
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('it was accepted');
}

const IBAN = 'DE02120300000000202051';

describe.each(openTestDatabases())('bank statement import on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it.skipIf(!hasData)(
    'the same file twice: the second adds nothing and reports every line a duplicate',
    async () => {
      const ctx = await seedOrg(database);
      const file = { name: 'icbc.csv', bytes: new Uint8Array(readFileSync(ICBC)) };
      const first = await importBankStatement(ctx, { file });
      expect(first.summary).toMatchObject({ format: 'csv', statements: 1, transactions: 11, duplicates: 0 });
      expect(first.summary.accounts).toEqual([
        expect.objectContaining({ resolved_by: 'created', currency: 'CNY', transactions: 11 }),
      ]);
      // Six of the eleven lines are money in: only those wait for matching.
      expect(first.newMoneyInIds.length).toBeGreaterThan(0);
      const before = await tableCounts(ctx);
      const second = await importBankStatement(ctx, { file });
      expect(second.summary).toMatchObject({ transactions: 0, duplicates: 11 });
      expect(second.summary.accounts[0]).toMatchObject({
        resolved_by: 'identifier',
        id: first.summary.accounts[0]?.id,
      });
      expect(second.newMoneyInIds).toEqual([]);
      expect(await tableCounts(ctx)).toEqual(before);
      // The account made from the statement carries its (masked) number, encrypted.
      const [account] = await listBankAccounts(ctx);
      expect(account?.account_number).toBe('1234****9876');
      const raw = await sql<{ n: Buffer | null }>`select account_number_enc as n from bank_accounts`.execute(
        ctx.db,
      );
      expect(Buffer.from(raw.rows[0]?.n ?? []).toString('latin1')).not.toContain('9876');
      const queued = await listBankTransactions(ctx, { status: 'unmatched', limit: 500 });
      const ignored = await listBankTransactions(ctx, { status: 'ignored', limit: 500 });
      expect(queued.items.length).toBe(first.newMoneyInIds.length);
      expect(queued.items.every((t) => !t.amount.startsWith('-'))).toBe(true);
      expect(queued.items.length + ignored.items.length).toBe(11);
    },
  );

  it('two overlapping MT940 statements: the overlap, identical pairs included, is not doubled', async () => {
    const ctx = await seedOrg(database);
    const day1: Line[] = [{ date: '2025-03-01', cents: 10000n, text: 'INV-1' }];
    const day2: Line[] = [
      { date: '2025-03-02', cents: 5000n, text: 'INV-2' },
      { date: '2025-03-02', cents: 5000n, text: 'INV-2' },
      { date: '2025-03-02', cents: -1250n, text: 'Gebuehr' },
      { date: '2025-03-02', cents: 7000n, text: 'INV-3', ref: 'BANK-REF-7' },
    ];
    const day3: Line[] = [{ date: '2025-03-03', cents: 20000n, text: 'INV-4' }];
    const a = await importBankStatement(ctx, {
      file: enc('a.sta', mt940(IBAN, '1', 0n, [...day1, ...day2])),
    });
    expect(a.summary).toMatchObject({ format: 'mt940', transactions: 5, duplicates: 0 });
    expect(a.summary.accounts[0]?.resolved_by).toBe('created');
    const b = await importBankStatement(ctx, {
      file: enc('b.sta', mt940(IBAN, '2', 10000n, [...day2, ...day3])),
    });
    expect(b.summary).toMatchObject({ transactions: 1, duplicates: 4 });
    expect(b.summary.accounts[0]).toMatchObject({ resolved_by: 'identifier', id: a.summary.accounts[0]?.id });
    expect(await lineCount(ctx)).toBe(6);
    // A third statement with a third identical payment on day 2 adds exactly that one.
    const c = await importBankStatement(ctx, {
      file: enc(
        'c.sta',
        mt940(IBAN, '3', 10000n, [...day2, { date: '2025-03-02', cents: 5000n, text: 'INV-2' }]),
      ),
    });
    expect(c.summary).toMatchObject({ transactions: 1, duplicates: 4 });
    const page = await listBankTransactions(ctx, { q: 'INV-2', limit: 50 });
    expect(page.items).toHaveLength(3);
  });

  it('a file that fails to parse, or names another account than the one chosen, writes nothing', async () => {
    const ctx = await seedOrg(database);
    const chosen = await createBankAccount(ctx, {
      name: 'Main EUR',
      currency: 'EUR',
      iban: 'NL91ABNA0417164300',
    });
    const good = mt940(IBAN, '1', 0n, [{ date: '2025-03-01', cents: 100n, text: 'x' }]);
    const before = await tableCounts(ctx);
    const broken = await errorOf(
      importBankStatement(ctx, { file: enc('cut.sta', good.slice(0, good.indexOf(':62F:'))) }),
    );
    expect(broken.code).toBe('STATEMENT_REJECTED');
    expect(broken.message).toMatch(/^cut\.sta: line \d+: .*nothing was imported/);
    const other = await errorOf(importBankStatement(ctx, { file: enc('a.sta', good), account: chosen.name }));
    expect(other.code).toBe('BANK_ACCOUNT_MISMATCH');
    expect(await tableCounts(ctx)).toEqual(before);
    // The IBAN matches the chosen account however it is written: accepted.
    const ok = await importBankStatement(ctx, {
      file: enc(
        'ok.sta',
        mt940('NL91 ABNA 0417 1643 00', '1', 0n, [{ date: '2025-03-01', cents: 100n, text: 'x' }]),
      ),
      account: 'nl91abna0417164300',
    });
    expect(ok.summary.accounts).toEqual([
      expect.objectContaining({ id: chosen.id, resolved_by: 'identifier' }),
    ]);
  });

  it('a statement naming no account needs one chosen; a failure late in the file rolls back the accounts it made', async () => {
    const ctx = await seedOrg(database);
    const csv = [
      '交易日期,交易流水号,摘要,贷方发生额,借方发生额,余额,对方户名,对方账号,附言',
      '2025-03-01,SN001,货款,"12,000.00",,"112,000.00",北京客户有限公司,6222000011112222,INV-2025-001',
    ].join('\r\n');
    const required = await errorOf(importBankStatement(ctx, { file: enc('corp.csv', csv) }));
    expect(required.code).toBe('BANK_ACCOUNT_REQUIRED');
    const account = await createBankAccount(ctx, { name: '基本户', currency: 'CNY' });
    const r = await importBankStatement(ctx, { file: enc('corp.csv', csv), account: account.id });
    expect(r.summary).toMatchObject({
      transactions: 1,
      accounts: [expect.objectContaining({ resolved_by: 'option' })],
    });
    // Two statements: the first would create an account, the second names another one than chosen.
    const two = `${mt940('FR7630006000011234567890189', '1', 0n, [{ date: '2025-03-01', cents: 1n, text: 'a' }])}\r\n${mt940(IBAN, '1', 0n, [{ date: '2025-03-01', cents: 1n, text: 'b' }])}`;
    const eur = await createBankAccount(ctx, { name: 'EUR', currency: 'EUR', iban: IBAN });
    const before = await tableCounts(ctx);
    const refused = await errorOf(importBankStatement(ctx, { file: enc('two.sta', two), account: eur.id }));
    expect(refused.code).toBe('BANK_ACCOUNT_MISMATCH');
    expect(await tableCounts(ctx)).toEqual(before);
    const both = await importBankStatement(ctx, { file: enc('two.sta', two) });
    expect(both.summary.accounts.map((a) => a.resolved_by)).toEqual(['created', 'identifier']);
  });

  it('a key rotation re-encrypts bank identifiers; the account is still found by them', async () => {
    const ctx = await seedOrg(database);
    const account = await createBankAccount(ctx, {
      name: 'R',
      currency: 'EUR',
      iban: IBAN,
      number: '12345678',
    });
    const enc = async () =>
      (
        await sql<{
          i: Buffer;
          n: Buffer;
        }>`select iban_enc as i, account_number_enc as n from bank_accounts`.execute(ctx.db)
      ).rows[0];
    const before = await enc();
    const keyring = database.keyring;
    if (!keyring) throw new Error('the test database has no keyring');
    const result = await rotateKeys({ db: database.db, keyring: keyring as never, orgId: ctx.org.id });
    expect(result.orgs[0]?.reencrypted).toMatchObject({
      'bank_accounts.iban': 1,
      'bank_accounts.account_number': 1,
    });
    const after = await enc();
    expect(Buffer.from(after?.i ?? []).equals(Buffer.from(before?.i ?? []))).toBe(false);
    expect(await listBankAccounts(ctx)).toEqual([
      expect.objectContaining({ iban: IBAN, account_number: '12345678' }),
    ]);
    const r = await importBankStatement(ctx, {
      file: {
        name: 'r.sta',
        bytes: new TextEncoder().encode(mt940(IBAN, '1', 0n, [{ date: '2025-03-01', cents: 5n, text: 'r' }])),
      },
    });
    expect(r.summary.accounts).toEqual([
      expect.objectContaining({ id: account.id, resolved_by: 'identifier' }),
    ]);
  });

  it('bulk: 20,000 lines in one file import once, then all as duplicates', async () => {
    const ctx = await seedOrg(database);
    const lines: Line[] = Array.from({ length: 20_000 }, (_, i) => ({
      date: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      cents: BigInt(((i * 7919) % 100_000) - 20_000 || 1),
      text: `INV-${i % 5000}`,
    })).sort((x, y) => x.date.localeCompare(y.date));
    const file = enc('big.sta', mt940(IBAN, '9', 0n, lines));
    const t0 = performance.now();
    const first = await importBankStatement(ctx, { file });
    const ms = performance.now() - t0;
    console.info(`${database.kind}: 20,000 MT940 lines imported in ${Math.round(ms)} ms`);
    expect(first.summary.transactions + first.summary.duplicates).toBe(20_000);
    expect(first.summary.duplicates).toBe(0);
    const again = await importBankStatement(ctx, { file });
    expect(again.summary).toMatchObject({ transactions: 0, duplicates: 20_000 });
    expect(await lineCount(ctx)).toBe(20_000);
  });
});
