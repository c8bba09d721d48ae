import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDataDir, parseJson, runSettle } from './run-settle.ts';

type ErrorJson = { error: { code: string; message: string; details?: unknown } };

describe('settle init, migrate and errors', { timeout: 240_000 }, () => {
  const data = freshDataDir();
  const at = (...args: string[]) => [...args, '--data-dir', data.dir];

  beforeAll(async () => {
    const r = await runSettle(
      at('init', '--org', 'Acme 有限公司', '--currency', 'usd', '--time-zone', 'Europe/Berlin'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  afterAll(() => data.remove());

  it('init is idempotent: a second run finds the organisation and exits 0', async () => {
    const r = await runSettle(at('init', '--json'));
    expect(r.code).toBe(0);
    const body = parseJson<{
      created: boolean;
      org: Record<string, string>;
      migrations: { applied: string[] };
    }>(r);
    expect(body.created).toBe(false);
    expect(body.org).toMatchObject({
      name: 'Acme 有限公司',
      slug: 'acme',
      base_currency: 'USD',
      time_zone: 'Europe/Berlin',
    });
    expect(body.migrations.applied).toEqual([]);
    const human = await runSettle(at('init', '--org', 'acme'));
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/already exists/);
  });

  it('migrate lists what it applied (nothing on an up-to-date database)', async () => {
    const r = await runSettle(at('migrate', '--json'));
    expect(r.code).toBe(0);
    const body = parseJson<{ database: string; applied: string[]; already_applied: number }>(r);
    expect(body.applied).toEqual([]);
    expect(body.already_applied).toBeGreaterThan(0);
    expect(body.database).toContain('PGlite');
  });

  it('an unknown customer is a domain error: JSON body on stdout and exit 1', async () => {
    const r = await runSettle(
      at('receipts', 'record', '--customer', 'NOPE', '--amount', '10.00', '--date', '2025-01-01', '--json'),
    );
    expect(r.code).toBe(1);
    const body = parseJson<ErrorJson>(r);
    expect(body.error.code).toBe('CUSTOMER_NOT_FOUND');
    expect(typeof body.error.message).toBe('string');
    const human = await runSettle(at('balance', '--customer', 'NOPE'));
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/^error: .*\[CUSTOMER_NOT_FOUND\]/m);
  });

  it('bad flag values are usage errors: VALIDATION_FAILED naming the flag, exit 2', async () => {
    const r = await runSettle(
      at('receipts', 'record', '--customer', 'C1', '--amount', 'abc', '--date', '2025-02-30', '--json'),
    );
    expect(r.code).toBe(2);
    const body = parseJson<ErrorJson & { error: { details: { issues: Array<{ flag: string }> } } }>(r);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i) => i.flag).sort()).toEqual(['--amount', '--date']);
    const apply = await runSettle(
      at(
        'receipts',
        'record',
        '--customer',
        'C1',
        '--amount',
        '1',
        '--date',
        '2025-01-01',
        '--apply',
        'INV-1:x',
      ),
    );
    expect(apply.code).toBe(2);
    expect(apply.stderr).toMatch(/--apply/);
  });

  it("commander's own usage errors are JSON too with --json, and exit 2", async () => {
    const unknown = await runSettle(at('invoices', 'list', '--bogus', '--json'));
    expect(unknown.code).toBe(2);
    expect(parseJson<ErrorJson>(unknown).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'commander.unknownOption' },
    });
    expect(unknown.stderr).toBe('');
    const missing = await runSettle(at('receipts', 'record', '--customer', 'C1', '--json'));
    expect(missing.code).toBe(2);
    expect(parseJson<ErrorJson>(missing).error.message).toMatch(/--amount/);
    const human = await runSettle(at('no-such-command'));
    expect(human.code).toBe(2);
    expect(human.stderr).toMatch(/unknown command/);
  });

  it('--help and --version exit 0', async () => {
    const help = await runSettle(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/receipts/);
    const version = await runSettle(['--version']);
    expect([version.code, version.stdout.trim()]).toEqual([0, expect.stringMatching(/^\d+\.\d+\.\d+/)]);
  });

  it('a command on a folder with no database says to run init, without creating one', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'settle-cli-empty-'));
    try {
      const r = await runSettle(['invoices', 'list', '--json', '--data-dir', join(empty, 'nothing')]);
      expect(r.code).toBe(1);
      expect(parseJson<ErrorJson>(r).error.code).toBe('ORG_NOT_INITIALISED');
      expect(existsSync(join(empty, 'nothing'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('an unknown --org is ORG_NOT_FOUND', async () => {
    const r = await runSettle(at('balance', '--org', 'nobody', '--json'));
    expect(r.code).toBe(1);
    expect(parseJson<ErrorJson>(r).error.code).toBe('ORG_NOT_FOUND');
  });
});
