import type { Db } from '../../shared/db/index.ts';
import { listChains, maxSeq, type OrgChainRef, readChainRange, readHead } from './audit.repository.ts';
import type { AuditVerification, TAuditOrgVerification } from './audit.schemas.ts';
import { type ChainHead, finishWalk, startWalk, walkRow } from './check-chain.ts';

const PAGE_ROWS = 5_000;

/**
 * Walks the org's rows in pages of seq ranges, then reads the head. Rows and head commit together:
 * rows that appear beyond the walked range meanwhile are read on, and a head that still points past
 * the last row means a cut-off tail (finishWalk).
 */
async function verifyOrg(db: Db, chain: OrgChainRef): Promise<TAuditOrgVerification> {
  const walk = startWalk();
  let walked = 0;
  let upTo = await maxSeq(db, chain.orgId);
  let head: ChainHead | null = null;
  for (;;) {
    while (walked < upTo) {
      const to = Math.min(walked + PAGE_ROWS, upTo);
      for (const row of await readChainRange(db, chain.orgId, walked, to)) walkRow(walk, row);
      walked = to;
    }
    head = await readHead(db, chain.orgId);
    const latest = await maxSeq(db, chain.orgId);
    if (latest <= upTo) break;
    upTo = latest;
  }
  return {
    org_id: chain.orgId,
    org_slug: chain.slug,
    rows: walk.rows,
    last_seq: walk.lastSeq,
    head_hash: (head?.lastHash ?? walk.lastHash).toString('hex'),
    broken: finishWalk(walk, head),
  };
}

/**
 * Recomputes every org's hash chain from the stored rows, with node:crypto rather than the SQL that
 * wrote them, and names the first broken link of each. On the system handle it checks every org;
 * on an org's scoped handle, row-level security leaves just that org.
 */
export async function verifyAuditChain(db: Db, options: { orgId?: string } = {}): Promise<AuditVerification> {
  const orgs: TAuditOrgVerification[] = [];
  for (const chain of await listChains(db, options.orgId)) orgs.push(await verifyOrg(db, chain));
  return { ok: orgs.every((o) => o.broken === null), orgs };
}
