import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextFor } from '../../bootstrap/open-app.ts';
import { getOrgById, type Org } from '../../modules/orgs/index.ts';
import type { Ctx } from '../../shared/context/index.ts';
import type { Database } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import type { Clock } from '../../shared/time/index.ts';
import { actorOf } from './access-control.ts';

declare module 'fastify' {
  // Module augmentation needs an interface.
  interface FastifyRequest {
    /** Set for every signed-in request: the caller's org, confined to it by row-level security. */
    ctx: Ctx | null;
  }
}

export type OrgContextOptions = { database: Database; clock?: Clock };

/** Orgs change rarely (name, time zone): a short memory spares a lookup per request. */
const ORG_TTL_MS = 30_000;

/** Builds each signed-in request's context: the caller's org, actor, address and customer scope. */
export function installOrgContext(app: FastifyInstance, options: OrgContextOptions): void {
  const orgs = new Map<string, { org: Org; at: number }>();
  const orgOf = async (orgId: string): Promise<Org> => {
    const hit = orgs.get(orgId);
    if (hit && Date.now() - hit.at < ORG_TTL_MS) return hit.org;
    const org = await getOrgById(options.database.db, orgId);
    orgs.set(orgId, { org, at: Date.now() });
    return org;
  };
  app.decorateRequest('ctx', null);
  app.addHook('onRequest', async (request) => {
    const principal = request.principal;
    if (!principal) return;
    request.ctx = contextFor(options.database, await orgOf(principal.orgId), {
      ...(options.clock ? { clock: options.clock } : {}),
      actor: actorOf(principal),
      userId: principal.userId,
      ip: request.ip,
      salesperson: principal.salesperson,
    });
  });
}

export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.ctx) throw new AppError('INTERNAL', { message: 'route has no org context' });
  return request.ctx;
}
