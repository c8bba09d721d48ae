import { z } from 'zod';
import type { Database } from '../shared/db/index.ts';
import type { Io } from './io.ts';

export const ZServeOptions = z.object({
  port: z.coerce.number().int().min(0).max(65_535),
  host: z.string().trim().min(1),
});

export const DEFAULT_PORT = '3000';
export const DEFAULT_HOST = '127.0.0.1';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Resolves on the first SIGINT or SIGTERM; a second one while closing ends the process at once. */
function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      const force = () => process.exit(130);
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export type ServeInfo = { url: string; database: string };

/**
 * Starts the HTTP API on an open database and keeps it up until SIGINT/SIGTERM, then closes the
 * server; the caller closes the database. Fastify is imported here only: other commands start faster.
 */
export async function serveUntilStopped(
  io: Io,
  database: Database,
  options: { orgSlug?: string; port: number; host: string },
  describe: (info: ServeInfo) => unknown,
): Promise<void> {
  const stopped = nextStopSignal();
  const { startServer } = await import('../http/server.ts');
  const server = await startServer({
    database,
    port: options.port,
    host: options.host,
    ...(options.orgSlug ? { orgSlug: options.orgSlug } : {}),
  });
  const info: ServeInfo = { url: server.url, database: database.describe };
  if (io.isJson) io.json(describe(info));
  else {
    io.out(`Settle is running at ${server.url}  (API ${server.url}/api, docs ${server.url}/api/docs)`);
    io.err(`Database: ${database.describe}. Press Ctrl+C to stop.`);
  }
  if (!LOOPBACK.has(options.host)) {
    io.err(
      `warning: listening on ${options.host}; the API has no sign-in yet, anyone who can reach it can use it`,
    );
  }
  const signal = await stopped;
  io.err(`${signal}: stopping...`);
  await server.close();
}
