import type { TAuditBreak } from './audit.schemas.ts';
import { type ChainedFields, chainHash, GENESIS_HASH } from './audit-hash.ts';

export type ChainRow = ChainedFields & { prevHash: Buffer; hash: Buffer };
export type ChainHead = { lastSeq: number; lastHash: Buffer };

/** Where a walk along one org's chain has got to. `broken` is the first bad link, if any. */
export type ChainWalk = { rows: number; lastSeq: number; lastHash: Buffer; broken: TAuditBreak | null };

export function startWalk(): ChainWalk {
  return { rows: 0, lastSeq: 0, lastHash: GENESIS_HASH, broken: null };
}

function breakAt(seq: number, reason: string, row?: ChainRow): TAuditBreak {
  return { seq, reason, entity: row?.entity ?? null, entity_id: row?.entityId ?? null };
}

/** Why this row does not continue the chain, or null when it does. Rows come in seq order. */
function linkProblem(walk: ChainWalk, row: ChainRow): TAuditBreak | null {
  const seq = Number(row.seq);
  const expected = walk.lastSeq + 1;
  if (seq !== expected) return breakAt(expected, `missing seq ${expected}`);
  if (!row.prevHash.equals(walk.lastHash)) {
    return breakAt(seq, `prev_hash does not link to seq ${seq - 1}`, row);
  }
  if (!chainHash(row.prevHash, row).equals(row.hash)) {
    return breakAt(seq, 'hash mismatch: row content changed', row);
  }
  return null;
}

/** Takes the next row; the walk keeps counting after a break but remembers only the first. */
export function walkRow(walk: ChainWalk, row: ChainRow): void {
  walk.broken ??= linkProblem(walk, row);
  walk.rows += 1;
  walk.lastSeq = Number(row.seq);
  walk.lastHash = row.hash;
}

/** The head must name the last row: rows cut off the end, or added behind its back, show here. */
export function finishWalk(walk: ChainWalk, head: ChainHead | null): TAuditBreak | null {
  if (walk.broken) return walk.broken;
  if (!head) return walk.rows === 0 ? null : breakAt(walk.lastSeq, 'head does not match last row');
  if (head.lastSeq > walk.lastSeq) return breakAt(walk.lastSeq + 1, `missing seq ${walk.lastSeq + 1}`);
  if (head.lastSeq < walk.lastSeq) return breakAt(head.lastSeq + 1, 'head does not match last row');
  if (!head.lastHash.equals(walk.lastHash)) return breakAt(walk.lastSeq, 'head does not match last row');
  return null;
}
