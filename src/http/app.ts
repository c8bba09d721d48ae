import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../shared/db/index.ts';
import type { Clock } from '../shared/time/index.ts';
import { installAccessControl } from './plugins/access-control.ts';
import { installErrorHandler } from './plugins/error-handler.ts';
import { installOpenApi } from './plugins/openapi.ts';
import { installOrgContext } from './plugins/org-context.ts';
import { installResponseCache } from './plugins/response-cache.ts';
import { allocationRoutes } from './routes/allocations.ts';
import { balanceRoutes } from './routes/balance.ts';
import { creditNoteRoutes } from './routes/credit-notes.ts';
import { customerRoutes } from './routes/customers.ts';
import { healthRoutes } from './routes/health.ts';
import { invoiceRoutes } from './routes/invoices.ts';
import { receiptRoutes } from './routes/receipts.ts';

/** Request bodies are JSON documents, not files: imports upload through their own route. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export type BuildAppOptions = { database: Database; orgSlug?: string; clock?: Clock; logger?: boolean };

/** The HTTP API, built and ready but not listening (tests use `app.inject()`). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installAccessControl(app);
  installOrgContext(app, {
    database: options.database,
    ...(options.orgSlug ? { orgSlug: options.orgSlug } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  installResponseCache(app, { database: options.database });
  await installOpenApi(app);

  await app.register(healthRoutes, { database: options.database });
  await app.register(customerRoutes);
  await app.register(invoiceRoutes);
  await app.register(creditNoteRoutes);
  await app.register(receiptRoutes);
  await app.register(allocationRoutes);
  await app.register(balanceRoutes);
  await app.ready();
  return app;
}
