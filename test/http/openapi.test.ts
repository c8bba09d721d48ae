import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { installAccessControl } from '../../src/http/plugins/access-control.ts';
import { PERMISSIONS } from '../../src/modules/auth/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openPgliteTestDatabase } from '../../src/shared/testing/test-database.ts';
import { callerWith } from '../support/auth.ts';
import { seedOrg } from '../support/factories.ts';

type Operation = {
  tags?: string[];
  responses: Record<string, unknown>;
  parameters?: { name: string }[];
  'x-permission'?: string | string[];
};
type Spec = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

describe('OpenAPI document and route table', () => {
  let database: Database;
  let app: FastifyInstance;
  let get: (url: string) => Promise<LightMyRequestResponse>;
  beforeAll(async () => {
    database = await openPgliteTestDatabase();
    app = await buildApp({ database });
    // The description is for signed-in users (the API answers strangers only login and health).
    const { headers } = await callerWith(await seedOrg(database), ['auditor']);
    get = (url) => app.inject({ method: 'GET', url, headers });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('serves the spec at /api/openapi.json and /api/docs/json with the main paths', async () => {
    const a = await get('/api/openapi.json');
    const b = await get('/api/docs/json');
    expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(401);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const spec = a.json() as Spec;
    expect(spec.openapi).toMatch(/^3\./);
    expect(b.json()).toEqual(spec);
    const expected: [string, string][] = [
      ['/api/health', 'get'],
      ['/api/customers', 'get'],
      ['/api/customers', 'post'],
      ['/api/customers/{id}', 'get'],
      ['/api/customers/{id}', 'patch'],
      ['/api/customers/{id}', 'delete'],
      ['/api/invoices', 'get'],
      ['/api/invoices', 'post'],
      ['/api/invoices/{id}', 'get'],
      ['/api/invoices/{id}/void', 'post'],
      ['/api/invoices/{id}/write-offs', 'post'],
      ['/api/write-offs/{id}/reverse', 'post'],
      ['/api/credit-notes', 'get'],
      ['/api/credit-notes', 'post'],
      ['/api/credit-notes/{id}', 'get'],
      ['/api/credit-notes/{id}/void', 'post'],
      ['/api/receipts', 'get'],
      ['/api/receipts', 'post'],
      ['/api/receipts/{id}', 'get'],
      ['/api/receipts/{id}/reverse', 'post'],
      ['/api/receipts/{id}/refunds', 'post'],
      ['/api/allocations', 'get'],
      ['/api/allocations', 'post'],
      ['/api/allocations/{id}/reverse', 'post'],
      ['/api/balance', 'get'],
    ];
    for (const [path, method] of expected) {
      const op = spec.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op?.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
    }
    expect(Object.keys(spec.paths).filter((p) => p.startsWith('/api/docs'))).toEqual([]);
    const list = spec.paths['/api/invoices']?.get;
    expect(list?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['customer', 'status', 'sort', 'limit', 'cursor', 'as_of']),
    );
    expect(Object.keys(list?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']));
    expect(Object.keys(spec.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'Error',
        'Customer',
        'Invoice',
        'InvoiceDetail',
        'Receipt',
        'Allocation',
        'Balance',
      ]),
    );
    expect(JSON.stringify(list?.responses['200'])).toContain('#/components/schemas/Invoice');
  });

  it('serves the interactive docs at /api/docs', async () => {
    const res = await get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('every business operation states a known permission (x-permission)', async () => {
    const spec = (await get('/api/openapi.json')).json() as Spec;
    const ops = Object.entries(spec.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ path, method, permission: op['x-permission'] })),
    );
    // Health and login are public; /api/auth/* is each user's own account and the role catalogue
    // is readable by any signed-in user (the route x role matrix test checks those lists).
    // The live-update stream is every signed-in user's too: it names changed tables, never data.
    const business = ops.filter(
      (o) => o.path !== '/api/health' && o.path !== '/api/events' && !o.path.startsWith('/api/auth/'),
    );
    expect(business.length).toBeGreaterThanOrEqual(24);
    for (const o of business) {
      const stated = [o.permission ?? []].flat();
      expect(stated.length, `${o.method} ${o.path}`).toBeGreaterThan(0);
      for (const p of stated) expect(PERMISSIONS, `${o.method} ${o.path}`).toContain(p);
    }
    expect(ops.find((o) => o.path === '/api/invoices' && o.method === 'get')?.permission).toBe(
      'invoices.read',
    );
    expect(ops.find((o) => o.path === '/api/allocations' && o.method === 'post')?.permission).toBe(
      'receipts.apply',
    );
  });

  it('refuses to start with a route that states no permission', async () => {
    const bare = Fastify();
    installAccessControl(bare, { database });
    expect(() => bare.get('/api/forgotten', async () => 'x')).toThrow(/declares neither a permission/);
    expect(() =>
      bare.get('/api/ok', { config: { permission: 'invoices.read' } }, async () => 'x'),
    ).not.toThrow();
    await bare.close();
  });
});
