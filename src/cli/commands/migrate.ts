import type { Command } from 'commander';
import { migrate } from '../../shared/db/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withDatabase } from '../session.ts';

export type MigrateResult = { database: string; applied: string[]; already_applied: number };

export function registerMigrate(program: Command, io: Io): void {
  program
    .command('migrate')
    .description('apply pending database migrations and list the ones applied')
    .action(async (_opts: unknown, cmd: Command) => {
      const result = await withDatabase(
        globalsOf(cmd),
        async (database): Promise<MigrateResult> => {
          const r = await migrate(database.db);
          return { database: database.describe, applied: r.applied, already_applied: r.alreadyApplied };
        },
        { canCreate: true, migrate: false },
      );
      emit(io, result, (r) => {
        for (const name of r.applied) io.out(`applied ${name}`);
        io.out(
          r.applied.length > 0
            ? `${r.applied.length} migration(s) applied to ${r.database}; ${r.already_applied} already there.`
            : `${r.database} is up to date (${r.already_applied} migration(s)).`,
        );
      });
    });
}
