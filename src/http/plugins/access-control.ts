import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAuditEvent } from '../../modules/audit/index.ts';
import {
  authenticateApiToken,
  authenticateSession,
  CSRF_HEADER,
  type Permission,
  type Principal,
  SESSION_COOKIE,
} from '../../modules/auth/index.ts';
import type { Database } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';

declare module 'fastify' {
  // Module augmentation needs an interface.
  interface FastifyContextConfig {
    /** What the caller must hold to use the route (a list: any one of them). */
    permission?: Permission | readonly Permission[];
    /** Reachable without signing in: login, health, the portal's signed links. */
    isPublic?: boolean;
    /** Any signed-in user, for their own account (profile, password, MFA, tokens, sign out). */
    isSelf?: boolean;
  }
  interface FastifyRequest {
    /** Who is calling, once authenticated (null on public routes). */
    principal: Principal | null;
  }
}

/** One row per route: what the access check enforces. Tests walk it (every route x every role). */
export type RouteRule = {
  method: string;
  url: string;
  /** Any one of these opens the route; null for public and self-service routes. */
  permission: readonly Permission[] | null;
  isPublic: boolean;
  isSelf: boolean;
  /** The route's body and query schemas as declared (zod), for tests that generate requests. */
  body: unknown;
  query: unknown;
};
const routeTables = new WeakMap<FastifyInstance, RouteRule[]>();

export function routeTableOf(app: FastifyInstance): readonly RouteRule[] {
  return routeTables.get(app) ?? [];
}

/** The API description and its UI are served by @fastify/swagger-ui, which sets no route config. */
const DOCS_PREFIX = '/api/docs';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Authentication and permissions for every route, in one place. A route states what it needs —
 * a permission, `isSelf` or `isPublic` — or the server refuses to start. Browser sessions must
 * echo their CSRF token on every unsafe method; API tokens (no cookies) need not.
 */
export function installAccessControl(app: FastifyInstance, options: { database: Database }): void {
  const { database } = options;
  const authenticate = authenticator(database);
  app.decorateRequest('principal', null);
  const table: RouteRule[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const config = route.url.startsWith(DOCS_PREFIX) ? { isSelf: true } : (route.config ?? {});
      table.push({
        method,
        url: route.url,
        permission: config.permission ? [config.permission].flat() : null,
        isPublic: config.isPublic === true,
        isSelf: config.isSelf === true,
        body: route.schema?.body ?? null,
        query: route.schema?.querystring ?? null,
      });
    }
    if (route.url.startsWith(DOCS_PREFIX)) {
      // The API description is for signed-in users: the API refuses strangers everything but login.
      route.config = { ...(route.config ?? {}), isSelf: true };
      return;
    }
    const config = route.config ?? {};
    if (config.permission || config.isPublic || config.isSelf) return;
    throw new Error(
      `route ${String(route.method)} ${route.url} declares neither a permission, isSelf nor isPublic`,
    );
  });
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.isPublic || request.routeOptions.url === undefined) return;
    const principal = await authenticate(request);
    if (!principal) throw new AppError('AUTH_REQUIRED');
    if (principal.via.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      checkCsrf(request, principal.via.csrfToken);
    }
    request.principal = principal;
    if (config.isSelf) return;
    if (principal.mustEnrolMfa) throw new AppError('MFA_ENROLMENT_REQUIRED');
    const needed = config.permission ? [config.permission].flat() : [];
    if (!needed.some((p) => principal.permissions.has(p))) {
      await recordAuditEvent(database.db, principal.orgId, {
        action: 'access.denied',
        entity: 'route',
        entityId: `${request.method} ${request.routeOptions.url}`,
        after: { permission: needed.join(' | ') },
        actor: actorOf(principal),
        ip: request.ip,
      });
      throw new AppError('PERMISSION_DENIED', { details: { permission: needed.join(' | ') } });
    }
  });
}

type Credential = { kind: 'token' | 'session'; secret: string };

function credentialOf(request: FastifyRequest): Credential | null {
  const header = request.headers.authorization;
  if (header) {
    const token = BEARER.exec(header)?.[1];
    return token ? { kind: 'token', secret: token } : null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { kind: 'session', secret: cookie } : null;
}

/**
 * Who a credential belongs to. On the embedded database (one process owns it) an answer is kept
 * while nothing has been written since — a sign-out, a revoked token, a disabled user or a changed
 * role are all writes — and for a few seconds at most, so a session still expires on time. On
 * PostgreSQL other processes write too: every request asks the database.
 */
function authenticator(database: Database): (request: FastifyRequest) => Promise<Principal | null> {
  const changeCount = database.changeCount;
  const cache = new Map<string, { principal: Principal; count: number; at: number }>();
  const lookup = (c: Credential, now: Date) =>
    c.kind === 'token'
      ? authenticateApiToken(database.db, c.secret, now)
      : authenticateSession(database.db, c.secret, now);
  return async (request) => {
    const credential = credentialOf(request);
    if (!credential) return null;
    const now = new Date();
    if (!changeCount) return lookup(credential, now);
    const key = `${credential.kind}:${credential.secret}`;
    const hit = cache.get(key);
    if (hit && hit.count === changeCount() && now.getTime() - hit.at < AUTH_CACHE_MS) return hit.principal;
    // The count before the lookup: a write that lands while it runs makes the answer stale.
    const count = changeCount();
    const principal = await lookup(credential, now);
    if (cache.size >= AUTH_CACHE_SIZE) cache.clear();
    if (principal) cache.set(key, { principal, count, at: now.getTime() });
    else cache.delete(key);
    return principal;
  };
}

const AUTH_CACHE_MS = 5_000;
const AUTH_CACHE_SIZE = 1_000;

function checkCsrf(request: FastifyRequest, expected: string): void {
  const sent = request.headers[CSRF_HEADER];
  const a = Buffer.from(typeof sent === 'string' ? sent : '');
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('CSRF_INVALID');
}

/** How the audit trail names the caller. */
export function actorOf(principal: Principal): string {
  return principal.via.kind === 'token' ? `token:${principal.via.name}` : `user:${principal.email}`;
}
