import { ensureWebBuild } from '../../../bin/build-web.js';
import { contextFor } from '../../../src/bootstrap/open-app.ts';
import { type RunningServer, startServer } from '../../../src/http/server.ts';
import { createUser } from '../../../src/modules/auth/index.ts';
import { seedDemo } from '../../../src/modules/demo/index.ts';
import { createOrg, type Org } from '../../../src/modules/orgs/index.ts';
import type { Ctx } from '../../../src/shared/context/index.ts';
import type { Database } from '../../../src/shared/db/index.ts';
import { openPgliteTestDatabase } from '../../../src/shared/testing/test-database.ts';
import { systemClock } from '../../../src/shared/time/index.ts';
import { FAST_HASHING } from '../../support/auth.ts';

export const E2E_PASSWORD = 'correct horse battery staple';

export type E2eServer = {
  url: string;
  org: Org;
  ctx: Ctx;
  database: Database;
  server: RunningServer;
  /** A user with the given roles who signs in with E2E_PASSWORD. */
  addUser(email: string, roles: string[], displayName?: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * The real product as a browser meets it: the built web app (built here when its sources changed)
 * served by the API over a socket, on a migrated database with a small demo company.
 */
export async function startE2eServer(
  options: { customers?: number; invoices?: number } = {},
): Promise<E2eServer> {
  await ensureWebBuild({ quiet: true });
  const database = await openPgliteTestDatabase();
  const { org } = await createOrg(database.db, {
    name: 'Demo Company 演示公司',
    slug: 'e2e',
    baseCurrency: 'CNY',
  });
  const ctx = contextFor(database, org, { clock: systemClock(org.timeZone), actor: 'e2e' });
  await seedDemo(ctx, { customers: options.customers ?? 30, invoices: options.invoices ?? 400, months: 14 });
  const server = await startServer({ database, port: 0, orgSlug: org.slug });
  const addUser = async (email: string, roles: string[], displayName?: string) => {
    await createUser(
      ctx,
      { email, roles, password: E2E_PASSWORD, ...(displayName ? { display_name: displayName } : {}) },
      { hashing: FAST_HASHING },
    );
  };
  return {
    url: server.url,
    org,
    ctx,
    database,
    server,
    addUser,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}
