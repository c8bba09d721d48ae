import type { Command } from 'commander';
import { globalsOf } from '../global-options.ts';
import type { Io } from '../io.ts';
import { DEFAULT_HOST, DEFAULT_PORT, serveUntilStopped, ZServeOptions } from '../serve-until-stopped.ts';
import { withDatabase } from '../session.ts';
import { parseInput } from '../usage-error.ts';

export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('apply migrations and serve the HTTP API until SIGINT/SIGTERM')
    .option('--port <port>', 'port to listen on (0 picks a free one)', process.env.PORT ?? DEFAULT_PORT)
    .option('--host <host>', 'address to listen on', DEFAULT_HOST)
    .action(async (_opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      const options = parseInput(ZServeOptions, cmd.opts<{ port: string; host: string }>());
      await withDatabase(
        globals,
        (database) =>
          serveUntilStopped(
            io,
            database,
            { ...options, ...(globals.org ? { orgSlug: globals.org } : {}) },
            (info) => info,
          ),
        { canCreate: true },
      );
    });
}
