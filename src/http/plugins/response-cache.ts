import type { FastifyInstance } from 'fastify';
import type { Database } from '../../shared/db/index.ts';

const MAX_ENTRIES = 2000;

declare module 'fastify' {
  interface FastifyRequest {
    /** The cache key this response may be stored under, fixed when the request arrived. */
    cacheKey: string | null;
  }
}

/**
 * Answers repeated reads from memory when the embedded database is owned by this process: a
 * response is keyed by the database's change count when the request arrived and by today's date
 * (lists default to "as of today"), so any write, or midnight, makes every older entry unreachable.
 * On PostgreSQL other processes write too, so nothing is cached there.
 */
export function installResponseCache(app: FastifyInstance, options: { database: Database }): void {
  const changeCount = options.database.changeCount;
  app.decorateRequest('cacheKey', null);
  if (!changeCount) return;
  let generation = -1;
  const entries = new Map<string, string>();
  // A preHandler, so it runs after access control and validation: a cached answer is no bypass.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.ctx) return;
    const now = changeCount();
    if (now !== generation) {
      entries.clear();
      generation = now;
    }
    // What a caller may see depends on their org and customer scope, never only on the URL.
    const scope = `${request.ctx.org.id}|${request.principal?.salesperson ?? ''}`;
    const key = `${now}|${scope}|${request.ctx.clock.today()}|${request.url}`;
    const hit = entries.get(key);
    if (hit !== undefined) {
      reply.header('content-type', 'application/json; charset=utf-8').header('x-settle-cache', 'hit');
      return reply.send(hit);
    }
    request.cacheKey = key;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.cacheKey;
    if (key === null || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (!key.startsWith(`${generation}|`)) return payload;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, payload);
    return payload;
  });
}
