import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../shared/db/index.ts';
import type { Clock } from '../shared/time/index.ts';
import { installAccessControl } from './plugins/access-control.ts';
import { installErrorHandler } from './plugins/error-handler.ts';
import { installOpenApi } from './plugins/openapi.ts';
import { installOrgContext } from './plugins/org-context.ts';
import { installResponseCache } from './plugins/response-cache.ts';
import { DEFAULT_WEB_DIR, installWebApp } from './plugins/web-app.ts';
import { agingRoutes } from './routes/aging.ts';
import { allocationRoutes } from './routes/allocations.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { balanceRoutes } from './routes/balance.ts';
import { bankingRoutes } from './routes/banking.ts';
import { creditNoteRoutes } from './routes/credit-notes.ts';
import { customerOverviewRoutes } from './routes/customer-overview.ts';
import { customerRoutes } from './routes/customers.ts';
import { disputeRoutes } from './routes/disputes.ts';
import { eventRoutes } from './routes/events.ts';
import { forecastRoutes } from './routes/forecast.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { invoiceRoutes } from './routes/invoices.ts';
import { kpiRoutes } from './routes/kpis.ts';
import { matchingRoutes } from './routes/matching.ts';
import { orgSettingsRoutes } from './routes/org-settings.ts';
import { receiptRoutes } from './routes/receipts.ts';
import { reportExportRoutes } from './routes/report-exports.ts';
import { roleRoutes } from './routes/roles.ts';
import { statementRoutes } from './routes/statements.ts';
import { userRoutes } from './routes/users.ts';

/** Request bodies are JSON documents, not files: imports upload through their own route. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export type BuildAppOptions = {
  database: Database;
  /** The org sign-in uses when the request names none (a single-company install). */
  orgSlug?: string;
  clock?: Clock;
  logger?: boolean | { level?: string; stream?: NodeJS.WritableStream };
  /** Proxies allowed to tell the client address and scheme (see SETTLE_TRUST_PROXY). Default: none. */
  trustProxy?: boolean | string;
  /** The built web app to serve beside the API (default web/dist when built; null: API only). */
  webDir?: string | null;
};

/** Secrets never reach the log, even if a serializer is widened later. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/** The HTTP API, built and ready but not listening (tests use `app.inject()`). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const logger =
    options.logger === undefined || options.logger === false
      ? false
      : { ...(options.logger === true ? {} : options.logger), redact: REDACT };
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT_BYTES, trustProxy: options.trustProxy ?? false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  installErrorHandler(app, { webApp: webDir ? await installWebApp(app, webDir) : null });
  await app.register(fastifyHelmet, {
    // The API serves JSON; the docs page brings its own policy (@fastify/swagger-ui).
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        // Served over plain HTTP on a laptop too: upgrading its requests to https would break it.
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  installAccessControl(app, { database: options.database });
  installOrgContext(app, {
    database: options.database,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  installResponseCache(app, { database: options.database });
  await installOpenApi(app);

  const auth = { database: options.database, ...(options.orgSlug ? { orgSlug: options.orgSlug } : {}) };
  await app.register(healthRoutes, { database: options.database });
  await app.register(authRoutes, auth);
  await app.register(userRoutes, auth);
  await app.register(roleRoutes, auth);
  await app.register(orgSettingsRoutes);
  await app.register(customerRoutes);
  await app.register(customerOverviewRoutes);
  await app.register(invoiceRoutes);
  await app.register(creditNoteRoutes);
  await app.register(disputeRoutes);
  await app.register(receiptRoutes);
  await app.register(allocationRoutes);
  await app.register(balanceRoutes);
  await app.register(auditRoutes);
  await app.register(agingRoutes);
  await app.register(kpiRoutes);
  await app.register(statementRoutes);
  await app.register(forecastRoutes);
  await app.register(reportExportRoutes);
  await app.register(importRoutes);
  await app.register(bankingRoutes);
  await app.register(matchingRoutes);
  await app.register(eventRoutes, { database: options.database });
  await app.ready();
  return app;
}
