import type { Command } from 'commander';
import { ZSeedDemoOptions } from '../../modules/demo/index.ts';
import { globalsOf } from '../global-options.ts';
import { DEMO_ORG_NAME, initialiseOrg } from '../initialise-org.ts';
import { emit, type Io } from '../io.ts';
import { describeDemo, seedDemoData } from '../seed-demo-data.ts';
import { withDatabase } from '../session.ts';
import { parseInput } from '../usage-error.ts';

type DemoFlags = { customers?: string; invoices?: string; months?: string; seed?: string };

/** Integers become numbers; anything else stays text so the schema names the flag. */
function numeric(text: string | undefined): number | string | undefined {
  return text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text) : text;
}

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(
      `fill an empty organisation with demo data (creating the database and "${DEMO_ORG_NAME}" if needed); ` +
        'does nothing if the demo data is already there',
    )
    .option('--customers <n>', 'number of customers (default 200)')
    .option('--invoices <n>', 'number of invoices (default 5000)')
    .option('--months <n>', 'months of history before today (default 18)')
    .option('--seed <n>', 'random seed: the same seed gives the same data (default 1)')
    .action(async (_opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      const f = cmd.opts<DemoFlags>();
      const options = parseInput(ZSeedDemoOptions, {
        customers: numeric(f.customers),
        invoices: numeric(f.invoices),
        months: numeric(f.months),
        seed: numeric(f.seed),
      });
      const result = await withDatabase(
        globals,
        async (database) => {
          const { org, created } = await initialiseOrg(database, {
            ...(globals.org ? { name: globals.org } : {}),
            defaultName: DEMO_ORG_NAME,
            baseCurrency: 'CNY',
          });
          if (created) io.err(`Created organisation "${org.name}" (slug ${org.slug}, ${org.baseCurrency}).`);
          return seedDemoData(io, database, org, options);
        },
        { canCreate: true },
      );
      emit(io, result, (r) => io.out(describeDemo(r)));
    });
}
