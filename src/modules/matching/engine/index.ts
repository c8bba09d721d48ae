export { type BuildMatchIndexInput, buildMatchIndex, type MatchIndex } from './build-match-index.ts';
export { DEFAULT_MATCH_SETTINGS, toleranceFor } from './match-settings.ts';
export type * from './matching.types.ts';
export { normalisePayerName } from './payer-name.ts';
export { proposeMatch, proposeMatches } from './propose-match.ts';
export { normaliseAccount, normaliseInvoiceNumber } from './text-normalise.ts';
