import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../shared/db/index.ts';
import { openTestDatabases } from '../../shared/testing/test-database.ts';
import { type ChainedFields, canonicalText } from './audit-hash.ts';

const SAMPLES: Omit<ChainedFields, 'orgId' | 'seq' | 'micros'>[] = [
  { actor: null, ip: null, action: 'insert', entity: 'orgs', entityId: null, before: null, after: null },
  { actor: '', ip: '::1', action: 'a;b', entity: 'S3:x;', entityId: '', before: '{}', after: '[]' },
  {
    actor: 'user:王芳@例子.cn',
    ip: '10.0.0.1',
    action: 'update',
    entity: 'customers',
    entityId: '客户/2025',
    before: '{"a": "😀"}',
    after: '{"a": "é"}',
  },
];

/** The SQL that writes the trail and the TypeScript that verifies it must build the same text. */
describe.each(openTestDatabases())('canonical text in SQL and TypeScript on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('agrees byte for byte, nulls and multi-byte text included', async () => {
    for (const s of SAMPLES) {
      const f: ChainedFields = {
        ...s,
        orgId: '01a20b37-1bbd-7000-b7bb-288e1ba5ef70',
        seq: '42',
        micros: '1764000000123456',
      };
      const { rows } = await sql<{
        text: string;
      }>`select settle_audit_canonical(${f.orgId}::uuid, ${f.seq}::bigint,
        ${f.micros}::bigint, ${f.actor}, ${f.ip}, ${f.action}, ${f.entity}, ${f.entityId}, ${f.before}::jsonb,
        ${f.after}::jsonb) as text`.execute(database.db);
      expect(rows[0]?.text).toBe(canonicalText(f));
    }
  });
});
