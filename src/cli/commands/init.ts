import type { Command } from 'commander';
import { z } from 'zod';
import { ZCurrency } from '../../modules/customers/index.ts';
import { migrate } from '../../shared/db/index.ts';
import {
  DEFAULT_ADMIN_EMAIL,
  describeFirstAdmin,
  ensureFirstAdmin,
  type FirstAdminDto,
} from '../first-admin.ts';
import { globalsOf } from '../global-options.ts';
import { initialiseOrg, type OrgDto, toOrgDto } from '../initialise-org.ts';
import { emit, type Io } from '../io.ts';
import { withDatabase } from '../session.ts';
import { parseInput } from '../usage-error.ts';
import { readStdinSecret } from './users.ts';

export const DEFAULT_ORG_NAME = 'My Company';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const ZInitOptions = z.object({
  currency: ZCurrency.optional(),
  time_zone: z.string().refine(isTimeZone, { message: 'an IANA time zone, e.g. Asia/Shanghai' }).optional(),
});

export type InitResult = {
  created: boolean;
  admin: FirstAdminDto;
  org: OrgDto;
  database: string;
  migrations: { applied: string[]; already_applied: number };
};

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description(
      'create the database (apply migrations) and the organisation if there is none; safe to run again. ' +
        `--org NAME names the organisation (default "${DEFAULT_ORG_NAME}"); its slug is derived from the name`,
    )
    .option('--currency <code>', 'base currency of a new organisation (ISO 4217)', 'CNY')
    .option('--time-zone <tz>', 'time zone of a new organisation (IANA), default Asia/Shanghai')
    .option(
      '--admin-email <email>',
      'email of the first user (an admin), created when the org has none',
      DEFAULT_ADMIN_EMAIL,
    )
    .option(
      '--admin-password-stdin',
      "read the first user's password from standard input (default: generated, printed once)",
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      const o = cmd.opts<{
        currency: string;
        timeZone?: string;
        adminEmail: string;
        adminPasswordStdin?: boolean;
      }>();
      const adminPassword = o.adminPasswordStdin ? await readStdinSecret() : undefined;
      const input = parseInput(ZInitOptions, { currency: o.currency, time_zone: o.timeZone });
      const result = await withDatabase(
        globals,
        async (database): Promise<InitResult> => {
          const migrations = await migrate(database.db);
          const { org, created } = await initialiseOrg(database, {
            ...(globals.org ? { name: globals.org } : {}),
            defaultName: DEFAULT_ORG_NAME,
            baseCurrency: input.currency ?? 'CNY',
            ...(input.time_zone ? { timeZone: input.time_zone } : {}),
          });
          if (
            !created &&
            cmd.getOptionValueSource('currency') === 'cli' &&
            input.currency !== org.baseCurrency
          ) {
            io.err(
              `note: the organisation already exists with base currency ${org.baseCurrency}; --currency ignored`,
            );
          }
          const admin = await ensureFirstAdmin(database, org, {
            email: o.adminEmail,
            ...(adminPassword ? { password: adminPassword } : {}),
          });
          return {
            created,
            admin,
            org: toOrgDto(org),
            database: database.describe,
            migrations: { applied: migrations.applied, already_applied: migrations.alreadyApplied },
          };
        },
        { canCreate: true, migrate: false },
      );
      emit(io, result, (r) => {
        if (r.migrations.applied.length > 0) io.out(`Applied migrations: ${r.migrations.applied.join(', ')}`);
        const what = `"${r.org.name}" (slug ${r.org.slug}, ${r.org.base_currency}, ${r.org.time_zone})`;
        io.out(
          r.created
            ? `Created organisation ${what} in ${r.database}.`
            : `Organisation ${what} already exists in ${r.database}.`,
        );
        for (const line of describeFirstAdmin(r.admin)) io.out(line);
      });
    });
}
