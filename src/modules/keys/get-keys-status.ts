import { sql } from 'kysely';
import { keyVersionBytes, type MasterKeys, type OrgKeyRow } from '../../shared/crypto/index.ts';
import type { Db } from '../../shared/db/index.ts';
import { ENCRYPTED_FIELDS } from './encrypted-fields.ts';
import type { TKeysStatus, TOrgKeyInfo } from './keys.types.ts';
import { hasColumns, tableShapeOf } from './table-shape.ts';

const info = (r: OrgKeyRow): TOrgKeyInfo => ({
  version: r.version,
  status: r.status,
  master_key_id: r.master_key_id,
  created_at: r.created_at.toISOString(),
});

/** Per field: values off the active data key, and legacy plaintext still waiting. */
async function countFields(db: Db, orgId: string, activeVersion: number | null) {
  const pending: Record<string, number> = {};
  const legacy: Record<string, number> = {};
  for (const spec of ENCRYPTED_FIELDS) {
    const shape = await tableShapeOf(db, spec.table);
    if (!shape || !hasColumns(shape, [spec.ciphertextColumn, spec.legacyColumn])) continue;
    const ct = sql.ref(spec.ciphertextColumn);
    const off =
      activeVersion === null
        ? sql`true`
        : sql`substring(${ct} from 2 for 4) <> ${keyVersionBytes(activeVersion)}`;
    const res = await sql<{ pending: string; legacy: string }>`
      select count(*) filter (where ${ct} is not null and ${off})::text as pending,
        ${spec.legacyColumn ? sql`count(*) filter (where ${sql.ref(spec.legacyColumn)} is not null)` : sql`0`}::text as legacy
      from ${sql.table(spec.table)} where org_id = ${orgId}`.execute(db);
    pending[spec.field] = Number(res.rows[0]?.pending ?? 0);
    if (spec.legacyColumn) legacy[spec.field] = Number(res.rows[0]?.legacy ?? 0);
  }
  return { pending, legacy };
}

/** What `settle keys status` shows: the master keys, and per org its keys and unfinished work. */
export async function getKeysStatus(db: Db, masterKeys: MasterKeys): Promise<TKeysStatus> {
  const rows = await db
    .selectFrom('org_keys')
    .selectAll()
    .orderBy('org_id')
    .orderBy('purpose')
    .orderBy('version')
    .execute();
  // Slugs for people reading the output; an org without keys has nothing encrypted yet.
  const slugs = await db.selectFrom('orgs').select(['org_id', 'slug']).execute();
  const orgs: TKeysStatus['orgs'] = [];
  for (const orgId of [...new Set(rows.map((r) => r.org_id))]) {
    const mine = rows.filter((r) => r.org_id === orgId);
    const data = mine.filter((r) => r.purpose === 'data');
    const active = data.find((r) => r.status === 'active') ?? null;
    const index = mine.find((r) => r.purpose === 'index') ?? null;
    orgs.push({
      org_id: orgId,
      slug: slugs.find((s) => s.org_id === orgId)?.slug ?? null,
      data_keys: data.map(info),
      index_key: index ? info(index) : null,
      ...(await countFields(db, orgId, active?.version ?? null)),
    });
  }
  const { source } = masterKeys;
  return {
    master: {
      active_id: masterKeys.activeId,
      loaded_ids: [...masterKeys.keys.keys()],
      source: source.kind,
      file: source.kind === 'file' ? source.path : null,
    },
    master_keys_in_use: [...new Set(rows.map((r) => r.master_key_id))].sort(),
    orgs,
  };
}
