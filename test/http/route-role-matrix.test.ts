import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { type RouteRule, routeTableOf } from '../../src/http/plugins/access-control.ts';
import { BUILT_IN_ROLE_PERMISSIONS, BUILT_IN_ROLES, type Permission } from '../../src/modules/auth/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { fixedClock } from '../../src/shared/time/index.ts';
import { callerWith, customRole, sessionCallerWith, type TestCaller } from '../support/auth.ts';
import { seedOrg } from '../support/factories.ts';

/** The only routes a stranger may call. Anything else answering without sign-in is a leak. */
const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/health']);
/**
 * Routes any signed-in user may call: their own account, the API docs, and the live-update stream
 * (it names changed tables of the caller's org, never data).
 */
const STREAMS = new Set(['GET /api/events']);
const isSelfAllowed = (r: RouteRule) =>
  r.url.startsWith('/api/auth/') ||
  r.url.startsWith('/api/docs') ||
  `${r.method} ${r.url}` === 'GET /api/openapi.json' ||
  STREAMS.has(`${r.method} ${r.url}`);

type Role = { name: string; permissions: ReadonlySet<Permission> };
type Answer = { status: number; code: string | undefined };

const SOME_ID = '01900000-0000-7000-8000-000000000000';

/** A request that reaches the route: ids that exist nowhere, an empty body for writes. */
function requestFor(route: RouteRule, headers: Record<string, string>): InjectOptions {
  const url = route.url.replace(/:(\w+)/g, () => SOME_ID).replace('/*', '/index.html');
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  return {
    method: route.method as InjectOptions['method'],
    url,
    headers,
    ...(hasBody ? { payload: {} } : {}),
  };
}

async function answer(app: FastifyInstance, options: InjectOptions): Promise<Answer> {
  if (STREAMS.has(`${options.method} ${options.url}`)) {
    // An event stream never ends: take its status, then hang up.
    const res = await app.inject({ ...options, payloadAsStream: true });
    const stream = res.stream();
    if (res.statusCode < 300) {
      stream.destroy();
      return { status: res.statusCode, code: undefined };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string } };
    return { status: res.statusCode, code: body.error?.code };
  }
  const res = await app.inject(options);
  let code: string | undefined;
  try {
    code = (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: res.statusCode, code };
}

describe.each(openTestDatabases())('route x role matrix on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let ctx: Ctx;
  let routes: RouteRule[];
  const callers = new Map<string, { role: Role; caller: TestCaller }>();

  beforeAll(async () => {
    database = await open();
    ctx = await seedOrg(database);
    app = await buildApp({ database, clock: fixedClock('2025-06-30' as never) });
    // Sign-out revokes what it is called with: walk it last.
    routes = [...routeTableOf(app)].sort(
      (a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')),
    );
    const roles: Role[] = BUILT_IN_ROLES.map((name) => ({
      name,
      permissions: new Set(BUILT_IN_ROLE_PERMISSIONS[name]),
    }));
    // Custom roles: one holding nothing, one holding a single permission.
    roles.push({ name: await customRole(ctx, 'nothing', []), permissions: new Set() });
    roles.push({
      name: await customRole(ctx, 'invoice_reader', ['invoices.read']),
      permissions: new Set(['invoices.read']),
    });
    // Built-in roles call with API tokens; custom roles through browser sessions (cookie + CSRF).
    for (const role of roles) {
      const isBuiltIn = (BUILT_IN_ROLES as readonly string[]).includes(role.name);
      const caller = isBuiltIn
        ? await callerWith(ctx, [role.name])
        : await sessionCallerWith(database, ctx, [role.name]);
      callers.set(role.name, { role, caller });
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('the route table is what the app serves, and every route states what it needs', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      const stated = [r.permission !== null && r.permission.length > 0, r.isSelf, r.isPublic].filter(
        Boolean,
      ).length;
      expect({ key, stated }).toEqual({ key, stated: 1 });
      if (r.isPublic) expect(PUBLIC, key).toContain(key);
      if (r.isSelf) expect(isSelfAllowed(r), `${key} is isSelf outside the self-service area`).toBe(true);
      // A route that changes something never hides behind a read permission.
      for (const p of r.method === 'GET' ? [] : (r.permission ?? [])) expect(p, key).not.toMatch(/\.read$/);
    }
  });

  it('a stranger gets 401 from every route but login and health', async () => {
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      const got = await answer(app, requestFor(r, {}));
      if (PUBLIC.has(key)) expect({ key, status: got.status }).not.toEqual({ key, status: 401 });
      else expect({ key, ...got }).toEqual({ key, status: 401, code: 'AUTH_REQUIRED' });
    }
  });

  it('every role gets exactly what its permissions allow, on every route', async () => {
    let denied = 0;
    let allowed = 0;
    for (const r of routes) {
      if (r.isPublic) continue;
      const key = `${r.method} ${r.url}`;
      for (const [name, { role, caller }] of callers) {
        const got = await answer(app, requestFor(r, caller.headers));
        const mayCall = r.isSelf || (r.permission ?? []).some((p) => role.permissions.has(p));
        if (mayCall) {
          allowed += 1;
          // Past the gate: whatever the route then says (404 for a made-up id, 400 for an empty body).
          expect({ key, role: name, status: got.status }).not.toMatchObject({ status: 401 });
          expect({ key, role: name, code: got.code }).not.toEqual({
            key,
            role: name,
            code: 'PERMISSION_DENIED',
          });
          expect(got.status, `${key} as ${name}: ${got.code}`).not.toBe(403);
        } else {
          denied += 1;
          expect({ key, role: name, ...got }).toEqual({
            key,
            role: name,
            status: 403,
            code: 'PERMISSION_DENIED',
          });
        }
      }
    }
    // The matrix really exercises both sides.
    expect(denied).toBeGreaterThan(50);
    expect(allowed).toBeGreaterThan(50);
  });

  it('a denial is written to the audit trail', async () => {
    // A fresh session: the matrix walked sign-out with the others.
    const nothing = await sessionCallerWith(database, ctx, ['nothing']);
    const got = await answer(app, { method: 'GET', url: '/api/invoices', headers: nothing.headers });
    expect(got).toEqual({ status: 403, code: 'PERMISSION_DENIED' });
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor'])
      .where('org_id', '=', ctx.org.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(rows.map((r) => r.entity_id)).toContain('GET /api/invoices');
  });
});
