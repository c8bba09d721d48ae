/**
 * Runs Settle's HTTP server in its own process for the API benchmark, so the load generator and the
 * server do not share one event loop. Prints `READY <url>` when it listens; stops on SIGTERM.
 *   node --import tsx/esm bench/lib/server-child.ts pglite <dataDir> <orgSlug>
 *   node --import tsx/esm bench/lib/server-child.ts postgres <url> <orgSlug> [<profileFile>]
 * With a profile file it samples the CPU from the moment it listens until SIGTERM (start-up excluded).
 */
import { openApp, orgContext } from '../../src/bootstrap/open-app.ts';
import { startServer } from '../../src/http/server.ts';
import { createApiToken, createUser } from '../../src/modules/auth/index.ts';
import { startProfiler } from './cpu-profile.ts';

const [kind, target, orgSlug, profileFile] = process.argv.slice(2);
if ((kind !== 'pglite' && kind !== 'postgres') || !target || !orgSlug) {
  console.error('usage: server-child.ts pglite|postgres <dataDir|url> <orgSlug>');
  process.exit(2);
}
const app = await openApp(kind === 'pglite' ? { kind, dataDir: target } : { kind, url: target }, {
  migrate: false,
});
// The API answers signed-in callers only: the load generator calls as an auditor with an API token.
const ctx = await orgContext(app.database, orgSlug, { actor: 'bench' });
const email = `bench-${process.pid}-${Date.now()}@example.com`;
await createUser(ctx, { email, roles: ['auditor'] });
const { token } = await createApiToken(ctx, { user: email, name: 'bench' });
const server = await startServer({ database: app.database, orgSlug, port: 0, logger: false });
const stopProfiler = profileFile ? await startProfiler() : null;
console.log(`READY ${server.url} ${token}`);

process.once('SIGTERM', () => {
  void (async () => {
    if (stopProfiler && profileFile) await stopProfiler(profileFile);
    await server.close();
    await app.close();
    process.exit(0);
  })();
});
