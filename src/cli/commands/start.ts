import type { Command } from 'commander';
import { contextFor } from '../../bootstrap/open-app.ts';
import { listCustomers, ZListCustomersQuery } from '../../modules/customers/index.ts';
import type { TSeedDemoResult } from '../../modules/demo/index.ts';
import { listInvoices, ZListInvoicesQuery } from '../../modules/receivables/index.ts';
import { describeFirstAdmin, ensureFirstAdmin } from '../first-admin.ts';
import { globalsOf } from '../global-options.ts';
import { DEMO_ORG_NAME, initialiseOrg, toOrgDto } from '../initialise-org.ts';
import type { Io } from '../io.ts';
import { describeDemo, seedDemoData } from '../seed-demo-data.ts';
import { DEFAULT_HOST, DEFAULT_PORT, serveUntilStopped, ZServeOptions } from '../serve-until-stopped.ts';
import { withDatabase } from '../session.ts';
import { parseInput } from '../usage-error.ts';

export function registerStart(program: Command, io: Io): void {
  program
    .command('start')
    .description(
      `what \`npm start\` runs: create the database and "${DEMO_ORG_NAME}" (CNY) if needed, ` +
        'add demo data if the organisation is empty (no invoices, no customers), then serve',
    )
    .option('--port <port>', 'port to listen on (0 picks a free one)', process.env.PORT ?? DEFAULT_PORT)
    .option('--host <host>', 'address to listen on', DEFAULT_HOST)
    .action(async (_opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      const options = parseInput(ZServeOptions, cmd.opts<{ port: string; host: string }>());
      await withDatabase(
        globals,
        async (database) => {
          const { org, created } = await initialiseOrg(database, {
            ...(globals.org ? { name: globals.org } : {}),
            defaultName: DEMO_ORG_NAME,
            baseCurrency: 'CNY',
          });
          if (created) io.err(`Created organisation "${org.name}" (slug ${org.slug}, ${org.baseCurrency}).`);
          const ctx = contextFor(database, org);
          // The demo fills only an empty org (seedDemo refuses one with customers): an org that has
          // customers but no invoices yet (imported master data) is served as it is.
          const invoices = await listInvoices(ctx, ZListInvoicesQuery.parse({ limit: 1 }));
          const customers = await listCustomers(ctx, ZListCustomersQuery.parse({ limit: 1 }));
          let demo: TSeedDemoResult | null = null;
          if (invoices.items.length === 0 && customers.items.length > 0) {
            io.err('No invoices yet, but customers exist: not adding demo data.');
          } else if (invoices.items.length === 0) {
            io.err('No invoices yet: adding demo data...');
            demo = await seedDemoData(io, database, org, {});
            io.err(describeDemo(demo));
          }
          const admin = await ensureFirstAdmin(database, org, {});
          if (admin.created) for (const line of describeFirstAdmin(admin, baseUrlOf(options))) io.err(line);
          await serveUntilStopped(io, database, { ...options, orgSlug: org.slug }, (info) => ({
            ...info,
            // The password went to the terminal once; the info line may end up in a log file.
            admin: { created: admin.created, email: admin.email },
            org: toOrgDto(org),
            org_created: created,
            demo,
          }));
        },
        { canCreate: true },
      );
    });
}

/** Where the server will answer, for the sign-in hint printed before it listens (port 0: not known yet). */
function baseUrlOf(options: { host: string; port: number }): string {
  return `http://${options.host}:${options.port === 0 ? '<port>' : options.port}`;
}
