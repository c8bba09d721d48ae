import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../shared/context/index.ts';
import type { AuditExportFormat, TExportAuditQuery } from './audit.schemas.ts';
import { type ExportRow, exportHeader, exportLine } from './audit-export-lines.ts';
import { auditFilters } from './audit-filters.ts';
import { recordAuditEvent } from './record-audit-event.ts';

const PAGE_ROWS = 2_000;

/** The lines of the file (iterate once); `count` rows, up to `throughSeq`. */
export type AuditExport = AsyncIterable<string> & {
  count: number;
  throughSeq: number;
  format: AuditExportFormat;
  filename: string;
};

type Span = { where: RawBuilder<unknown>; firstSeq: number; throughSeq: number };

/** Pages by seq ranges (bounded, so each page reads only its rows), filtered to the date range. */
async function* exportLines(ctx: Ctx, span: Span, format: AuditExportFormat) {
  yield exportHeader(format);
  for (let after = span.firstSeq - 1; after < span.throughSeq; after += PAGE_ROWS) {
    const to = Math.min(after + PAGE_ROWS, span.throughSeq);
    const { rows } = await sql<ExportRow>`
      select seq::text as seq,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
        actor, ip, action, entity, entity_id, before::text as before, after::text as after,
        encode(prev_hash, 'hex') as prev_hash, encode(hash, 'hex') as hash
      from audit_log where ${span.where} and seq > ${after} and seq <= ${to}
      order by audit_log.seq`.execute(ctx.db);
    for (const row of rows) yield exportLine(format, row);
  }
}

/**
 * The org's trail between two dates (org time zone) as CSV or JSON lines, for auditors. The export
 * is itself recorded (who, which range, how many rows) before any line is produced; the file holds
 * the rows that existed at that moment.
 */
export async function exportAudit(ctx: Ctx, query: TExportAuditQuery): Promise<AuditExport> {
  const where = auditFilters(ctx, { from: query.from, to: query.to });
  const { rows } = await sql<{ count: bigint; first: bigint | null; through: bigint | null }>`
    select count(*) as count, min(seq) as first, max(seq) as through from audit_log where ${where}`.execute(
    ctx.db,
  );
  const count = Number(rows[0]?.count ?? 0);
  const firstSeq = Number(rows[0]?.first ?? 1);
  const throughSeq = Number(rows[0]?.through ?? 0);
  await recordAuditEvent(ctx.db, ctx.org.id, {
    action: 'audit.export',
    entity: 'audit_log',
    after: { from: query.from, to: query.to, format: query.format, count, through_seq: throughSeq },
  });
  return {
    count,
    throughSeq,
    format: query.format,
    filename: `audit-${ctx.org.slug}-${query.from}-${query.to}.${query.format}`,
    [Symbol.asyncIterator]: () => exportLines(ctx, { where, firstSeq, throughSeq }, query.format),
  };
}
