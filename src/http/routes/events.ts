import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../shared/db/index.ts';
import { ChangeFeed } from '../live/change-feed.ts';

/** A comment line keeps proxies and the browser from timing the stream out. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events: `change` events name the tables that changed in the caller's org
 * (`{"tables":["allocations","receipts"]}`), so open screens refetch what they show, through the
 * API and its permissions. Carries no data itself.
 */
export const eventRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, options) => {
  const feed = new ChangeFeed(options.database);
  const open = new Set<() => void>();
  // Open streams would hold the server open on close: end them first.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.addHook('onClose', () => feed.close());

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['live'],
        summary: 'Live updates: a text/event-stream of `change` events naming the changed tables',
      },
      config: { isSelf: true },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (!principal) throw new Error('events: no principal');
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n\n');
      const unsubscribe = await feed.subscribe(principal.orgId, (event) => {
        raw.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
      });
      raw.write(`event: ready\ndata: {}\n\n`);
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        stop();
        raw.end();
      };
      open.add(end);
      request.raw.on('close', stop);
      raw.on('close', stop);
    },
  );
};
