import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ChainedFields, canonicalText, chainHash, GENESIS_HASH } from './audit-hash.ts';

const row: ChainedFields = {
  orgId: '01a20b37-1bbd-7000-b7bb-288e1ba5ef70',
  seq: '7',
  micros: '1764000000123456',
  actor: 'user:ana@x.com',
  ip: null,
  action: 'update',
  entity: 'customers',
  entityId: 'c1',
  before: '{"name": "旧"}',
  after: '',
};

describe('canonical text of an audit row', () => {
  it('length-prefixes each field in UTF-8 bytes and marks nulls apart from empty strings', () => {
    expect(canonicalText(row)).toBe(
      'v1;S36:01a20b37-1bbd-7000-b7bb-288e1ba5ef70;S1:7;S16:1764000000123456;S14:user:ana@x.com;N;' +
        'S6:update;S9:customers;S2:c1;S15:{"name": "旧"};S0:;',
    );
    expect(canonicalText({ ...row, after: null })).not.toBe(canonicalText(row));
  });

  it('cannot be shifted: moving a separator between fields changes the text', () => {
    const a = canonicalText({ ...row, action: 'up', entity: 'date;customers' });
    const b = canonicalText({ ...row, action: 'up;date', entity: 'customers' });
    expect(a).not.toBe(b);
  });

  it('chains: sha256 over the previous hash, then the text', () => {
    const expected = createHash('sha256').update(GENESIS_HASH).update(canonicalText(row)).digest();
    expect(chainHash(GENESIS_HASH, row).equals(expected)).toBe(true);
    expect(chainHash(expected, row).equals(expected)).toBe(false);
  });
});
