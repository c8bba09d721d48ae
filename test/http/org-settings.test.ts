import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TOrgSettingsDto } from '../../src/modules/orgs/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { callerWith } from '../support/auth.ts';
import { seedCustomer, seedIssuedInvoice } from '../support/factories.ts';
import { type ErrorBody, type Harness, openHarness } from './http-harness.ts';

type Issue = { in: string; path: string; message: string };
type Entry = { action: string; entity: string; before: unknown; after: unknown };

describe.each(openTestDatabases())('organisation settings on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  const patch = <T>(payload: unknown, headers: Record<string, string> = {}) =>
    h
      .call({ method: 'PATCH', url: '/api/settings/org', payload: payload as never, headers })
      .then((r) => ({ status: r.statusCode, body: r.json() as T }));

  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('reads the org: name, base currency, zone, language, and whether the currency is locked', async () => {
    const res = await h.get<TOrgSettingsDto>('/api/settings/org');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: h.ctx.org.id,
      slug: h.ctx.org.slug,
      base_currency: 'CNY',
      time_zone: 'Asia/Shanghai',
      locale: 'zh-CN',
      base_currency_locked: false,
    });
    expect(res.body.currencies).toContain('USD');
  });

  it('changes name, zone, language and (before any document) base currency, audited', async () => {
    const res = await patch<TOrgSettingsDto>({
      name: '上海测试有限公司',
      time_zone: 'Europe/Berlin',
      locale: 'en',
      base_currency: 'usd',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '上海测试有限公司',
      time_zone: 'Europe/Berlin',
      locale: 'en',
      base_currency: 'USD',
    });
    const again = await h.get<TOrgSettingsDto>('/api/settings/org');
    expect(again.body).toMatchObject({ name: '上海测试有限公司', base_currency: 'USD', locale: 'en' });
    const auditor = await callerWith(h.ctx, ['auditor']);
    const audit = await h.call({
      method: 'GET',
      url: '/api/audit?entity=orgs&limit=5',
      headers: auditor.headers,
    });
    expect(audit.statusCode).toBe(200);
    const entry = (audit.json() as { items: Entry[] }).items[0];
    expect(entry).toMatchObject({ action: 'update', entity: 'orgs', after: { base_currency: 'USD' } });
    // Back to CNY for the documents below.
    expect((await patch<TOrgSettingsDto>({ base_currency: 'CNY' })).status).toBe(200);
  });

  it('names each invalid field', async () => {
    const res = await patch<ErrorBody>({
      name: '  ',
      time_zone: 'Mars/Olympus',
      locale: 'fr',
      base_currency: 'XXX',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const issues = (res.body.error.details as { issues: Issue[] }).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['base_currency', 'locale', 'name', 'time_zone']);
    const unchanged = await h.get<TOrgSettingsDto>('/api/settings/org');
    expect(unchanged.body.time_zone).toBe('Europe/Berlin');
  });

  it('refuses a new base currency once a document exists, and saves nothing of that request', async () => {
    const customer = await seedCustomer(h.ctx);
    await seedIssuedInvoice(h.ctx, customer.code);
    const view = await h.get<TOrgSettingsDto>('/api/settings/org');
    expect(view.body.base_currency_locked).toBe(true);
    const res = await patch<ErrorBody>({ base_currency: 'EUR', name: 'Not saved' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ORG_BASE_CURRENCY_LOCKED');
    expect(res.body.error.details).toMatchObject({ field: 'base_currency', base_currency: 'CNY' });
    const after = await h.get<TOrgSettingsDto>('/api/settings/org');
    expect(after.body).toMatchObject({ base_currency: 'CNY', name: '上海测试有限公司' });
    // Sending the current currency back with other fields is fine (a form saves every field).
    const same = await patch<TOrgSettingsDto>({ base_currency: 'CNY', name: '上海测试' });
    expect([same.status, same.body.name]).toEqual([200, '上海测试']);
  });

  it('needs settings.manage', async () => {
    const clerk = await callerWith(h.ctx, ['ar_clerk']);
    const read = await h.app.inject({ method: 'GET', url: '/api/settings/org', headers: clerk.headers });
    expect(read.statusCode).toBe(403);
    const write = await patch<ErrorBody>({ name: 'Hijacked' }, clerk.headers);
    expect([write.status, write.body.error.code]).toEqual([403, 'PERMISSION_DENIED']);
    const manager = await callerWith(h.ctx, ['finance_manager']);
    const ok = await h.app.inject({ method: 'GET', url: '/api/settings/org', headers: manager.headers });
    expect(ok.statusCode).toBe(200);
  });
});
