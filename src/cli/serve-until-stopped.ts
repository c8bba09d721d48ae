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
  const trustProxy = trustProxyFrom(process.env.SETTLE_TRUST_PROXY);
  const server = await startServer({
    database,
    ...(trustProxy === undefined ? {} : { trustProxy }),
    port: options.port,
    host: options.host,
    ...(options.orgSlug ? { orgSlug: options.orgSlug } : {}),
    ...(process.env.SETTLE_WEB_DIR ? { webDir: process.env.SETTLE_WEB_DIR } : {}),
  });
  const info: ServeInfo = { url: server.url, database: database.describe };
  if (io.isJson) io.json(describe(info));
  else {
    io.out(`Settle is running at ${server.url}  (API ${server.url}/api, docs ${server.url}/api/docs)`);
    io.err(`Database: ${database.describe}. Press Ctrl+C to stop.`);
  }
  if (!LOOPBACK.has(options.host) && !trustProxy) {
    io.err(
      `note: listening on ${options.host} over plain HTTP; put it behind a TLS proxy and set SETTLE_TRUST_PROXY ` +
        '(e.g. "loopback" or the proxy address) so sign-in throttling sees client addresses and cookies are Secure',
    );
  }
  const signal = await stopped;
  io.err(`${signal}: stopping...`);
  await server.close();
}

/**
 * SETTLE_TRUST_PROXY: which proxies may tell the client address and scheme (X-Forwarded-For and
 * -Proto): "true" (any), or addresses/subnets ("loopback", "10.0.0.0/8,127.0.0.1").
 */
export function trustProxyFrom(value: string | undefined): boolean | string | undefined {
  if (value === undefined || value.trim() === '' || value === 'false') return undefined;
  if (value === 'true') return true;
  return value;
}
