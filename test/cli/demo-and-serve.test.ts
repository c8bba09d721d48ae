import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir, parseJson, runSettle, startSettle } from './run-settle.ts';

type DemoJson = { created: boolean; customers: number; invoices: number; receipts: number };

describe('settle demo, serve and start', { timeout: 300_000 }, () => {
  const data = freshDataDir();
  const at = (...args: string[]) => [...args, '--data-dir', data.dir];
  afterAll(() => data.remove());

  it('demo creates the organisation and the data once; a second run adds nothing', async () => {
    const r = await runSettle(at('demo', '--customers', '5', '--invoices', '30', '--seed', '7', '--json'));
    expect(r.code).toBe(0);
    const first = parseJson<DemoJson>(r);
    expect(first).toMatchObject({ created: true, customers: 5, invoices: 30 });
    expect(r.stderr).toMatch(/Created organisation "Demo Company 演示公司"/);
    const again = await runSettle(at('demo', '--customers', '5', '--invoices', '30', '--json'));
    expect(again.code).toBe(0);
    expect(parseJson<DemoJson>(again)).toEqual({ ...first, created: false });
    const bad = await runSettle(at('demo', '--customers', 'many', '--json'));
    expect(bad.code).toBe(2);
  });

  it('serve prints the URL, answers signed-in callers only, and exits 0 on SIGTERM', async () => {
    // The CLI is the local operator: it makes a user and a token for a script, no sign-in needed.
    expect(
      (await runSettle(at('users', 'add', 'script@example.com', '--role', 'auditor', '--json'))).code,
    ).toBe(0);
    const minted = parseJson<{ token: string }>(
      await runSettle(at('tokens', 'create', '--user', 'script@example.com', '--name', 'test', '--json')),
    );
    const headers = { authorization: `Bearer ${minted.token}` };
    const server = await startSettle(at('serve', '--port', '0', '--json'));
    try {
      expect(JSON.parse(server.stdout)).toMatchObject({
        url: server.url,
        database: expect.stringContaining('PGlite'),
      });
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
      expect((await fetch(`${server.url}/api/invoices?limit=1`)).status).toBe(401);
      const invoices = await fetch(`${server.url}/api/invoices?limit=1`, { headers });
      expect(invoices.status).toBe(200);
    } finally {
      const exit = await server.stop('SIGTERM');
      expect(exit.code).toBe(0);
      expect(exit.stderr).toMatch(/SIGTERM: stopping/);
    }
  });

  it('start on a database that has invoices serves it without adding demo data', async () => {
    const server = await startSettle(at('start', '--port', '0'));
    try {
      expect(server.stdout).toMatch(/^Settle is running at http:\/\/127\.0\.0\.1:\d+/);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      const exit = await server.stop('SIGINT');
      expect(exit.code).toBe(0);
      expect(exit.stderr).not.toMatch(/adding demo data/);
    }
    // The database was closed cleanly: the CLI can open it again.
    expect((await runSettle(at('balance', '--json'))).code).toBe(0);
  });
});
