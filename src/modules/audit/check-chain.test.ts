import { describe, expect, it } from 'vitest';
import { type ChainedFields, chainHash, GENESIS_HASH } from './audit-hash.ts';
import { type ChainRow, finishWalk, startWalk, walkRow } from './check-chain.ts';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i += 1) {
    const fields: ChainedFields = {
      orgId: 'o',
      seq: String(i),
      micros: String(1_000_000 * i),
      actor: 'system',
      ip: null,
      action: 'insert',
      entity: 'invoices',
      entityId: `inv-${i}`,
      before: null,
      after: `{"n": ${i}}`,
    };
    const hash = chainHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

function verify(rows: ChainRow[], head = { lastSeq: 5, lastHash: chain(5)[4]?.hash ?? GENESIS_HASH }) {
  const walk = startWalk();
  for (const r of rows) walkRow(walk, r);
  return { broken: finishWalk(walk, head), rows: walk.rows };
}

describe('walking a hash chain', () => {
  it('accepts an intact chain and its head', () => {
    expect(verify(chain(5))).toEqual({ broken: null, rows: 5 });
  });

  it('names the first changed row, and keeps counting past it', () => {
    const rows = chain(5).map((r) => (r.seq === '3' || r.seq === '4' ? { ...r, after: '{"n": 0}' } : r));
    expect(verify(rows)).toEqual({
      broken: {
        seq: 3,
        reason: 'hash mismatch: row content changed',
        entity: 'invoices',
        entity_id: 'inv-3',
      },
      rows: 5,
    });
  });

  it('names a missing row, a broken link and a cut-off tail', () => {
    expect(verify(chain(5).filter((r) => r.seq !== '2')).broken).toMatchObject({
      seq: 2,
      reason: 'missing seq 2',
    });
    const relinked = chain(5).map((r) => (r.seq === '4' ? { ...r, prevHash: GENESIS_HASH } : r));
    expect(verify(relinked).broken).toMatchObject({ seq: 4, reason: 'prev_hash does not link to seq 3' });
    expect(verify(chain(4)).broken).toMatchObject({ seq: 5, reason: 'missing seq 5' });
  });

  it('names rows the head does not know about, and a missing head', () => {
    const six = chain(6);
    expect(verify(six).broken).toMatchObject({ seq: 6, reason: 'head does not match last row' });
    const walk = startWalk();
    for (const r of six) walkRow(walk, r);
    expect(finishWalk(walk, null)).toMatchObject({ seq: 6, reason: 'head does not match last row' });
    expect(finishWalk(startWalk(), null)).toBeNull();
  });
});
