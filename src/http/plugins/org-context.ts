import type { FastifyInstance, FastifyRequest } from 'fastify';
import { orgContext } from '../../bootstrap/open-app.ts';
import type { Ctx } from '../../shared/context/index.ts';
import type { Database } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import type { Clock } from '../../shared/time/index.ts';

declare module 'fastify' {
  // Module augmentation needs an interface.
  interface FastifyRequest {
    /** Set for every route that declares a permission: the org the API acts for. */
    ctx: Ctx | null;
  }
}

export type OrgContextOptions = { database: Database; orgSlug?: string; clock?: Clock };

/**
 * Resolves the org on the first business request and keeps it: the hot path makes no lookup of
 * its own. A failure (no org yet) is not cached, so `settle init` on a running server takes effect.
 */
export function installOrgContext(app: FastifyInstance, options: OrgContextOptions): void {
  let cached: Ctx | null = null;
  let pending: Promise<Ctx> | null = null;
  const resolve = async (): Promise<Ctx> => {
    if (cached) return cached;
    pending ??= orgContext(options.database, options.orgSlug, {
      ...(options.clock ? { clock: options.clock } : {}),
      actor: 'api',
    }).finally(() => {
      pending = null;
    });
    cached = await pending;
    return cached;
  };
  app.decorateRequest('ctx', null);
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.config.permission) return;
    request.ctx = cached ?? (await resolve());
  });
}

export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.ctx) throw new AppError('INTERNAL', { message: 'route has no org context' });
  return request.ctx;
}
