import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, orgContext } from '../../src/bootstrap/open-app.ts';
import { type OrgBusiness, seedBusiness } from '../support/org-business.ts';
import { freshDataDir, runSettle } from './run-settle.ts';

/**
 * The CLI is the local operator, acting for the org `--org` names: it must see and touch nothing
 * of any other org in the same database.
 */
describe('the CLI across orgs', { timeout: 300_000 }, () => {
  const data = freshDataDir();
  const as = (org: string, ...args: string[]) => [...args, '--org', org, '--data-dir', data.dir];
  let b: OrgBusiness;

  beforeAll(async () => {
    expect((await runSettle(as('Alpha Ltd', 'init'))).code).toBe(0);
    expect((await runSettle(as('Beta Ltd', 'init'))).code).toBe(0);
    const { database, close } = await openApp({ kind: 'pglite', dataDir: data.dir }, { migrate: false });
    try {
      await seedBusiness(await orgContext(database, 'alpha-ltd', { actor: 'test' }), 'ORGA');
      b = await seedBusiness(await orgContext(database, 'beta-ltd', { actor: 'test' }), 'ORGB');
    } finally {
      await close();
    }
  });
  afterAll(() => data.remove());

  it("reads of one org show nothing of the other's", async () => {
    const secrets = [
      ...b.markers,
      ...b.ids,
      'ORGB Customer',
      'admin@settle.local'.replace('admin', 'nobody'),
    ];
    for (const args of [
      ['customers', 'list', '--json'],
      ['customers', 'list', '--q', 'ORGB', '--json'],
      ['invoices', 'list', '--json'],
      ['invoices', 'list', '--customer', 'ORGB-C0', '--json'],
      ['balance', '--json'],
      ['users', 'list', '--json'],
      ['tokens', 'list', '--json'],
      ['roles', 'list', '--json'],
      ['keys', 'status', '--json'],
      ['audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'jsonl'],
    ]) {
      const r = await runSettle(as('alpha-ltd', ...args));
      const out = r.stdout + r.stderr;
      const asked = args.join(' ');
      for (const s of secrets) {
        if (asked.includes(s)) continue; // an error may name what was asked for
        expect(out.includes(s), `settle ${asked} shows ${s}`).toBe(false);
      }
    }
    // The same commands for B do show B's data: the check above can fail.
    const own = await runSettle(as('beta-ltd', 'invoices', 'list', '--json'));
    expect(own.stdout).toContain('ORGB-INV-01');
  });

  it("writes of one org cannot reach the other's documents", async () => {
    const receipt = await runSettle(
      as(
        'alpha-ltd',
        'receipts',
        'record',
        '--customer',
        'ORGB-C0',
        '--amount',
        '10.00',
        '--date',
        '2025-06-01',
        '--json',
      ),
    );
    expect([receipt.code, JSON.parse(receipt.stdout).error.code]).toEqual([1, 'CUSTOMER_NOT_FOUND']);
    const apply = await runSettle(
      as(
        'alpha-ltd',
        'receipts',
        'record',
        '--customer',
        'ORGA-C0',
        '--amount',
        '10.00',
        '--date',
        '2025-06-01',
        '--apply',
        'ORGB-INV-02',
        '--json',
      ),
    );
    expect(apply.code).toBe(1);
    expect(JSON.parse(apply.stdout).error.code).toBe('INVOICE_NOT_FOUND');
    const user = await runSettle(as('alpha-ltd', 'users', 'disable', 'orgb.nobody@example.com', '--json'));
    expect(user.code).toBe(1);
    const verify = await runSettle(as('beta-ltd', 'audit', 'verify', '--json'));
    expect(verify.code).toBe(0);
  });
});
