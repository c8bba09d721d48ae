import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/shared/db/index.ts';
import { openPgliteTestDatabase } from '../src/shared/testing/test-database.ts';
import { systemClock } from '../src/shared/time/index.ts';
import { type Harness, openHarness, type Page } from './http/http-harness.ts';
import { callerWith, type TestCaller } from './support/auth.ts';

type Entry = {
  seq: number;
  actor: string | null;
  ip: string | null;
  action: string;
  entity: string;
  after: unknown;
};

describe('audit routes', () => {
  let database: Database;
  let h: Harness;
  let auditor: TestCaller;
  let clerk: TestCaller;
  let today: string;
  beforeAll(async () => {
    database = await openPgliteTestDatabase();
    h = await openHarness(database);
    auditor = await callerWith(h.ctx, ['auditor']);
    clerk = await callerWith(h.ctx, ['ar_clerk']);
    today = systemClock(h.ctx.org.timeZone).today();
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('lists who changed what, from where, newest first', async () => {
    const created = await h.post<{ code: string }>('/api/customers', { code: 'AUD1', name: '审计客户' });
    expect(created.status).toBe(201);
    const res = await h.call({
      method: 'GET',
      url: '/api/audit?entity=customers&limit=5',
      headers: auditor.headers,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json() as Page<Entry>;
    expect(page.items[0]).toMatchObject({ action: 'insert', entity: 'customers', after: { code: 'AUD1' } });
    expect(page.items[0]?.actor).toMatch(/^(token|user):/);
    expect(page.items[0]?.ip).toBeTruthy();
    const bad = await h.call({
      method: 'GET',
      url: '/api/audit?from=2025-02-01&to=2025-01-01',
      headers: auditor.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('exports a dated range as an attachment for export.data holders only', async () => {
    const url = `/api/audit/export?from=${today}&to=${today}&format=csv`;
    const res = await h.call({ method: 'GET', url, headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-.+\.csv"$/);
    const lines = res.body.split('\r\n').filter(Boolean);
    expect(lines.length).toBe(Number(res.headers['x-audit-rows']) + 1);
    const denied = await h.call({ method: 'GET', url, headers: clerk.headers });
    expect(denied.statusCode).toBe(403);
    const listed = await h.call({
      method: 'GET',
      url: '/api/audit?action=audit.export',
      headers: auditor.headers,
    });
    expect((listed.json() as Page<Entry>).items).toHaveLength(1);
  });

  it('verifies the org chain', async () => {
    const res = await h.call({ method: 'GET', url: '/api/audit/verify', headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, orgs: [{ org_id: h.ctx.org.id, broken: null }] });
  });
});
