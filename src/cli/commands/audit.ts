import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import {
  type AuditVerification,
  exportAudit,
  type TAuditOrgVerification,
  verifyAuditChain,
  ZExportAuditQuery,
} from '../../modules/audit/index.ts';
import { getOrg } from '../../modules/orgs/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withDatabase, withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** `audit chain broken in org acme at seq 42 (invoices 0192…): hash mismatch: row content changed` */
function describeBreak(org: TAuditOrgVerification): string {
  const b = org.broken;
  if (!b) return `org ${org.org_slug} is intact`;
  const what = b.entity ? ` (${b.entity}${b.entity_id ? ` ${shortId(b.entity_id)}` : ''})` : '';
  return `audit chain broken in org ${org.org_slug} at seq ${b.seq}${what}: ${b.reason}`;
}

function printVerification(io: Io, v: AuditVerification): void {
  for (const line of renderTable<TAuditOrgVerification>(
    [
      { header: 'ORG', value: (o) => o.org_slug },
      { header: 'ROWS', value: (o) => String(o.rows), align: 'right' },
      { header: 'LAST SEQ', value: (o) => String(o.last_seq), align: 'right' },
      { header: 'HEAD HASH', value: (o) => o.head_hash },
      { header: 'STATUS', value: (o) => (o.broken ? `BROKEN at seq ${o.broken.seq}` : 'ok') },
    ],
    v.orgs,
  )) {
    io.out(line);
  }
  if (v.ok) io.out(`\naudit chain intact (${v.orgs.length} org${v.orgs.length === 1 ? '' : 's'})`);
}

async function writeAll(out: Writable, chunks: AsyncIterable<string>): Promise<void> {
  let buffer = '';
  for await (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length < 1 << 16) continue;
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  }
  if (buffer && !out.write(buffer)) await once(out, 'drain');
}

async function writeFile(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const out = createWriteStream(path);
  await writeAll(out, chunks);
  out.end();
  await once(out, 'finish');
}

export function registerAudit(program: Command, io: Io): void {
  const audit = program.command('audit').description('the audit trail: check its hash chain, export it');

  audit
    .command('verify')
    .description(
      "recompute every org's hash chain (or --org's) and name the first broken link; exit 1 if any",
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const globals = globalsOf(cmd);
      // The system handle: row-level security would hide every org but one.
      const result = await withDatabase(globals, async (database) => {
        const org = globals.org ? await getOrg(database.db, globals.org) : null;
        return verifyAuditChain(database.db, org ? { orgId: org.id } : {});
      });
      if (result.ok) {
        emit(io, result, (v) => printVerification(io, v));
        return;
      }
      if (!io.isJson) printVerification(io, result);
      const broken = result.orgs.filter((o) => o.broken);
      const more = broken.length > 1 ? ` (and ${broken.length - 1} more org(s))` : '';
      throw new AppError('AUDIT_CHAIN_BROKEN', {
        message: `${broken[0] ? describeBreak(broken[0]) : 'audit chain broken'}${more}`,
        details: result,
      });
    });

  audit
    .command('export')
    .description('the audit trail between two dates (org time zone) for auditors; the export is recorded')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--format <format>', 'csv or jsonl', 'csv')
    .option('--out <file>', 'write to this file (default: stdout)')
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ from: string; to: string; format: string; out?: string }>();
      const query = parseInput(ZExportAuditQuery, { from: f.from, to: f.to, format: f.format });
      const summary = await withOrg(globalsOf(cmd), async (ctx) => {
        const file = await exportAudit(ctx, query);
        if (f.out) await writeFile(f.out, file);
        else await writeAll(process.stdout, file);
        return { file: f.out ?? null, format: file.format, rows: file.count, through_seq: file.throughSeq };
      });
      const text = `exported ${summary.rows} audit row(s) through seq ${summary.through_seq}`;
      if (!f.out) io.err(text);
      else emit(io, summary, (s) => io.out(`${text} to ${s.file}`));
    });
}
