import type { ReceivablesPoint } from './receivables-at-dates.sql.ts';

/**
 * AR on a date and its parts. Unapplied credit notes are never past due: they reduce current AR,
 * so AR = current + past due, and CEI's "collectible" is what was collected plus what is past due.
 */
export type ArPoint = { total: bigint; current: bigint; pastDue: bigint; over90: bigint; credits: bigint };

export function arPoint(p: ReceivablesPoint): ArPoint {
  return {
    total: p.notDue + p.pastDue - p.credits,
    current: p.notDue - p.credits,
    pastDue: p.pastDue,
    over90: p.over90,
    credits: p.credits,
  };
}
