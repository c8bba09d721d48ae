import type { MatchSettings } from './matching.types.ts';

export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  toleranceMinor: 100n,
  toleranceBasisPoints: 0,
  autoThreshold: 0.9,
  suggestThreshold: 0.5,
  maxInvoicesForSubset: 20,
};

/** The tolerance for an amount due: the absolute one or the relative one, whichever is larger. */
export function toleranceFor(dueMinor: number, settings: MatchSettings): number {
  const absolute = Number(settings.toleranceMinor);
  const relative = Math.floor((dueMinor * settings.toleranceBasisPoints) / 10_000);
  return Math.max(absolute, relative);
}
