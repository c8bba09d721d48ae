import type { Ctx } from '../../shared/context/index.ts';
import type { TBankImportReport } from './banking.schemas.ts';
import { countLinesByStatus } from './count-lines-by-status.ts';
import { type ImportBankStatementInput, importBankStatement } from './import-bank-statement.ts';

/** Matches bank lines once they are committed (the matching module's entry point, passed in). */
export type MatchNewLines = (ctx: Ctx, ids: readonly string[]) => Promise<unknown>;

/**
 * Imports a statement file, then hands its new money-in lines to matching, and reports where they
 * stand. Matching runs after the import has committed: if it fails, the lines stay imported and
 * unmatched (a later reconcile picks them up), and the error says so.
 */
export async function importBankStatementAndMatch(
  ctx: Ctx,
  input: ImportBankStatementInput,
  match: MatchNewLines | null,
): Promise<TBankImportReport> {
  const { summary, newMoneyInIds } = await importBankStatement(ctx, input);
  if (match && newMoneyInIds.length > 0) {
    try {
      await match(ctx, newMoneyInIds);
    } catch (e) {
      if (e instanceof Error) {
        e.message = `${summary.file}: imported ${summary.transactions} new line(s), but matching them failed (run the reconciliation again): ${e.message}`;
      }
      throw e;
    }
  }
  return { ...summary, ...(await countLinesByStatus(ctx, newMoneyInIds)) };
}
