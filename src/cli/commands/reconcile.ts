import type { Command } from 'commander';
import { type MatchRunResult, matchBankTransactions } from '../../modules/matching/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';

function printRun(io: Io, r: MatchRunResult & { applied: boolean }): void {
  if (r.lines === 0) {
    io.out('No bank lines are waiting for a match.');
    return;
  }
  io.out(`${r.lines} bank line${r.lines === 1 ? '' : 's'} waiting:`);
  io.out(`  matched and booked: ${r.matched}${r.applied ? '' : ' (run with --auto to book the sure ones)'}`);
  io.out(`  suggested, for review: ${r.suggested}`);
  io.out(`  no plausible match: ${r.unmatched}`);
}

export function registerReconcile(program: Command, io: Io): void {
  program
    .command('reconcile')
    .description(
      'match waiting bank lines to open invoices: proposals above the auto threshold are booked with --auto (receipt, applications, small difference written off); the rest go to the review queue',
    )
    .option('--auto', 'book the matches at or above the auto threshold')
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ auto?: boolean }>();
      const applied = f.auto === true;
      const result = await withOrg(globalsOf(cmd), (ctx) => matchBankTransactions(ctx, { apply: applied }));
      emit(io, { ...result, applied }, (r) => printRun(io, r));
    });
}
