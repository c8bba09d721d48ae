export { type AppliedMatch, applyMatchesInTx, type MatchToApply } from './apply-matches.ts';
export { aliasKey, confirmMatch } from './confirm-match.ts';
export { dismissLine } from './dismiss-line.ts';
export * from './engine/matching.types.ts';
export { listReviewQueue } from './list-review-queue.ts';
export { type MatchRunResult, matchBankTransactions } from './match-bank-transactions.ts';
export * from './matching.schemas.ts';
export { undoMatch } from './undo-match.ts';
