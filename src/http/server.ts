import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../shared/db/index.ts';
import type { Clock } from '../shared/time/index.ts';
import { buildApp } from './app.ts';

export type StartServerOptions = {
  database: Database;
  orgSlug?: string;
  port: number;
  host?: string;
  clock?: Clock;
  logger?: boolean;
  trustProxy?: boolean | string;
  /** The built web app (default web/dist; $SETTLE_WEB_DIR from the CLI). */
  webDir?: string | null;
};

export type RunningServer = { url: string; app: FastifyInstance; close(): Promise<void> };

/** Listens on host:port (port 0 picks a free one). Closing stops the server, not the database. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = await buildApp({
    database: options.database,
    ...(options.orgSlug ? { orgSlug: options.orgSlug } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.webDir === undefined ? {} : { webDir: options.webDir }),
  });
  try {
    await app.listen({ port: options.port, host });
  } catch (e) {
    await app.close();
    throw e;
  }
  const { port } = app.server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, app, close: () => app.close() };
}
