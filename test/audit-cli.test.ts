import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/shared/db/index.ts';
import { systemClock } from '../src/shared/time/index.ts';
import { freshDataDir, parseJson, runSettle, withPgliteOrg } from './cli/run-settle.ts';
import { seedCustomer } from './support/factories.ts';

type Verification = {
  ok: boolean;
  orgs: { org_slug: string; broken: { seq: number; reason: string } | null }[];
};

/** Edits the trail the way someone with the database files would: guard off, then UPDATE. */
async function tamperCustomerRow(dir: string): Promise<number> {
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    return await database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ seq: bigint }>`
        select seq from audit_log where entity = 'customers' order by seq limit 1`.execute(trx);
      const seq = Number(rows[0]?.seq);
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update audit_log set after = after || '{"credit_limit_minor": 99999999}' where seq = ${seq}`.execute(
        trx,
      );
      return seq;
    });
  } finally {
    await database.close();
  }
}

describe('settle audit', { timeout: 240_000 }, () => {
  const data = freshDataDir();
  const at = (...args: string[]) => [...args, '--data-dir', data.dir];
  const today = systemClock('UTC').today();

  beforeAll(async () => {
    const r = await runSettle(at('init', '--org', 'Acme', '--currency', 'CNY', '--time-zone', 'UTC'));
    expect(r.code).toBe(0);
    await withPgliteOrg(data.dir, (ctx) => seedCustomer(ctx, { name: '甲公司' }));
  });
  afterAll(() => data.remove());

  it('verify reports each org and its head hash, and exits 0 on an intact trail', async () => {
    const r = await runSettle(at('audit', 'verify'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/acme\s+\d+\s+\d+\s+[0-9a-f]{64}\s+ok/);
    expect(r.stdout).toContain('audit chain intact');
  });

  it('export writes the range to a file or stdout, and is itself recorded', async () => {
    const file = join(data.dir, 'audit.jsonl');
    const r = await runSettle(
      at('audit', 'export', '--from', today, '--to', today, '--format', 'jsonl', '--out', file, '--json'),
    );
    expect(r.code).toBe(0);
    const summary = parseJson<{ rows: number; format: string }>(r);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(summary.rows);
    expect(lines.map((l) => (JSON.parse(l) as { entity: string }).entity)).toContain('customers');
    const csv = await runSettle(at('audit', 'export', '--from', today, '--to', today));
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFseq,occurred_at,actor,ip,action')).toBe(true);
    expect(csv.stdout).toContain('audit.export');
    const bad = await runSettle(at('audit', 'export', '--from', '2025-02-30', '--to', today));
    expect(bad.code).toBe(2);
  });

  it('after an UPDATE in SQL, verify exits 1 naming the changed row', async () => {
    const seq = await tamperCustomerRow(data.dir);
    const r = await runSettle(at('audit', 'verify'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `audit chain broken in org acme at seq ${seq} \\(customers [0-9a-f]{8}…\\): hash mismatch: row content changed`,
      ),
    );
    expect(r.stdout).toMatch(new RegExp(`acme .*BROKEN at seq ${seq}`));
    const json = await runSettle(at('audit', 'verify', '--json'));
    expect(json.code).toBe(1);
    const body = parseJson<{ error: { code: string; details: Verification } }>(json);
    expect(body.error.code).toBe('AUDIT_CHAIN_BROKEN');
    expect(body.error.details.ok).toBe(false);
    expect(body.error.details.orgs[0]?.broken).toMatchObject({
      seq,
      reason: 'hash mismatch: row content changed',
    });
  });
});
