import type { ParsedStatement, StatementFormat } from '../../statement.types.ts';
import type { TitleFacts } from './read-title-lines.ts';
import { type Entry, runningBalances } from './running-balance.ts';

/** One statement per currency, in order of first appearance (dual-currency cards list USD rows too). */
export function assembleStatements(
  entries: readonly Entry[],
  title: TitleFacts,
  format: StatementFormat,
): ParsedStatement[] {
  const byCurrency = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = byCurrency.get(entry.transaction.currency) ?? [];
    list.push(entry);
    byCurrency.set(entry.transaction.currency, list);
  }
  return [...byCurrency].map(([currency, list]) => {
    const { opening, closing } = runningBalances(list);
    return {
      format,
      statementId: null,
      account: { iban: null, number: title.accountNumber, currency, name: title.holderName },
      openingBalance: opening,
      closingBalance: closing,
      transactions: list.map((e) => e.transaction),
    };
  });
}
