import type { DbOrTx } from '../../../shared/db/index.ts';
import { loadStatementDocuments } from './load-statement-documents.ts';
import { loadStatementFacts } from './load-statement-facts.ts';
import { loadStatementReversals } from './load-statement-reversals.ts';
import type { LoadScope, StatementData } from './statement-data.ts';

/** Reads (never writes) the receivables tables: the one stated exception for reports. */
export async function loadStatementData(db: DbOrTx, s: LoadScope): Promise<StatementData> {
  const [documents, facts, reversals] = await Promise.all([
    loadStatementDocuments(db, s),
    loadStatementFacts(db, s),
    loadStatementReversals(db, s),
  ]);
  return { ...documents, ...facts, reversals };
}
