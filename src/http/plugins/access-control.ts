import type { FastifyInstance } from 'fastify';

/** Every permission a route can ask for; roles (a later issue) grant sets of these. */
export const PERMISSIONS = [
  'customers.read',
  'customers.write',
  'invoices.read',
  'invoices.write',
  'receipts.read',
  'receipts.write',
  'receipts.apply',
  'writeoffs.create',
  'balance.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

declare module 'fastify' {
  // Module augmentation needs an interface.
  interface FastifyContextConfig {
    /** What the caller must hold to use the route. */
    permission?: Permission;
    /** Reachable without a session: health and the API description. */
    isPublic?: boolean;
  }
}

/** The API description and its UI are served by @fastify/swagger-ui, which sets no route config. */
const DOCS_PREFIX = '/api/docs';

/**
 * The one place where authentication and permission checks go. Until the trust issue lands every
 * caller is let through; what is already enforced is that every route states its permission, so
 * none can be forgotten when the check arrives.
 */
export function installAccessControl(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const config = route.config ?? {};
    if (config.permission || config.isPublic || route.url.startsWith(DOCS_PREFIX)) return;
    throw new Error(`route ${String(route.method)} ${route.url} declares neither a permission nor isPublic`);
  });
  app.addHook('preHandler', async (_request) => {
    // Authentication and RBAC go here: resolve the session, then check
    // `request.routeOptions.config.permission` against the caller's roles and set `request.ctx.actor`.
  });
}
