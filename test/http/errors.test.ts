import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import type { Database, DB } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { type ErrorBody, type Harness, openHarness } from './http-harness.ts';

type Issue = { in: string; path: string; message: string };
const issuesOf = (b: ErrorBody) => (b.error.details as { issues: Issue[] }).issues;

describe.each(openTestDatabases())('HTTP errors on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
    await h.post('/api/customers', { code: 'ERR1', name: 'Errors Ltd' });
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('a body that fails its schema is 400 VALIDATION_FAILED naming each field', async () => {
    const res = await h.post<ErrorBody>('/api/invoices', {
      customer: 'ERR1',
      issue_date: '2025-13-45',
      amount: '-5',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const issues = issuesOf(res.body);
    expect(issues.map((i) => i.path).sort()).toEqual(['amount', 'issue_date']);
    expect(issues.every((i) => i.in === 'body' && i.message.length > 0)).toBe(true);
  });

  it('nested fields are named by their path', async () => {
    const res = await h.post<ErrorBody>('/api/receipts', {
      customer: 'ERR1',
      date: '2025-01-01',
      amount: '10.00',
      applications: [{ invoice: '' }],
    });
    expect(res.status).toBe(400);
    expect(issuesOf(res.body)[0]?.path).toBe('applications.0.invoice');
  });

  it('query and path parameters are validated too', async () => {
    const q = await h.get<ErrorBody>('/api/invoices?status=lost');
    expect(q.status).toBe(400);
    expect(issuesOf(q.body)[0]).toMatchObject({ in: 'querystring', path: 'status' });
    const p = await h.post<ErrorBody>('/api/allocations/not-a-uuid/reverse', {});
    expect(p.status).toBe(400);
    expect(issuesOf(p.body)[0]).toMatchObject({ in: 'params', path: 'id' });
    const d = await h.get<ErrorBody>('/api/balance?as_of=yesterday');
    expect(issuesOf(d.body)[0]).toMatchObject({ in: 'querystring', path: 'as_of' });
  });

  it('a missing document is 404 with its own code; an unknown route is 404 NOT_FOUND', async () => {
    for (const [url, code] of [
      ['/api/invoices/NOPE-1', 'INVOICE_NOT_FOUND'],
      ['/api/receipts/NOPE-1', 'RECEIPT_NOT_FOUND'],
      ['/api/credit-notes/NOPE-1', 'CREDIT_NOTE_NOT_FOUND'],
      ['/api/customers/NOPE-1', 'CUSTOMER_NOT_FOUND'],
      ['/api/invoices?customer=NOPE-1', 'CUSTOMER_NOT_FOUND'],
    ] as const) {
      const res = await h.get<ErrorBody>(url);
      expect([url, res.status, res.body.error.code]).toEqual([url, 404, code]);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    const unknown = await h.call({ method: 'GET', url: '/api/nowhere?x=1' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/json/);
    expect(unknown.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'no route GET /api/nowhere',
        details: { method: 'GET', path: '/api/nowhere' },
      },
    });
    const wrongMethod = await h.call({ method: 'PUT', url: '/api/invoices' });
    expect([wrongMethod.statusCode, wrongMethod.json().error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('malformed JSON is 400 and an oversized body 413, both in the error shape', async () => {
    const bad = await h.call({
      method: 'POST',
      url: '/api/customers',
      payload: '{"code": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const huge = await h.call({
      method: 'POST',
      url: '/api/customers',
      payload: { code: 'BIG', name: 'x'.repeat(1_100_000) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('an amount too large for the database is a 400, not a 500', async () => {
    const res = await h.post<ErrorBody>('/api/invoices', {
      customer: 'ERR1',
      issue_date: '2025-01-01',
      amount: '99999999999999999999999.00',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('an unexpected failure is 500 INTERNAL without internals', async () => {
    const failing = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: {
          connect: async () => {
            throw new Error('connect ECONNREFUSED /srv/secret/db.ts:42');
          },
          end: async () => {},
        },
      }),
    });
    const app = await buildApp({ database: { ...database, db: failing } });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(res.body).not.toMatch(/ECONNREFUSED|secret|stack/);
  });

  it('with no organisation nobody can sign in: business routes are 401, health still answers', async () => {
    const empty = await open();
    const app = await buildApp({ database: empty });
    try {
      for (const url of ['/api/invoices', '/api/customers', '/api/balance']) {
        const res = await app.inject({ method: 'GET', url });
        expect([url, res.statusCode, res.json().error.code]).toEqual([url, 401, 'AUTH_REQUIRED']);
      }
      const post = await app.inject({
        method: 'POST',
        url: '/api/customers',
        payload: { code: 'X', name: 'X' },
      });
      expect(post.statusCode).toBe(401);
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@example.com', password: 'correct horse battery staple' },
      });
      expect([login.statusCode, login.json().error.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok', database: empty.kind }]);
    } finally {
      await app.close();
      await empty.close();
    }
  });
});
