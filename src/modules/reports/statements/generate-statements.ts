import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ctx } from '../../../shared/context/index.ts';
import { recordAuditEvent } from '../../audit/index.ts';
import { ledgerBalances } from '../../ledger/index.ts';
import { buildStatement } from './build-statement.ts';
import { loadStatementFont, renderStatement, type StatementRenderDeps } from './export-statement.ts';
import { type StatementFormat, statementFileName } from './statement-file.ts';
import { statementPeriod } from './statement-period.ts';
import type { StatementLocale } from './statements.schemas.ts';

export type GenerateStatementsInput = {
  outDir: string;
  formats: readonly StatementFormat[];
  from?: string | undefined;
  to?: string | undefined;
  locale?: StatementLocale | undefined;
};

export type StatementBatch = {
  period: { from: string; to: string };
  out_dir: string;
  statements: Array<{ customer: { code: string; name: string }; closing: string[]; files: string[] }>;
};

/**
 * A statement for every customer who owes something (or is owed) at the end of the period, written
 * to a folder, one file per customer and format. Sending them by email is the collections module's
 * delivery, once it exists.
 */
export async function generateStatements(
  ctx: Ctx,
  input: GenerateStatementsInput,
  deps: StatementRenderDeps,
): Promise<StatementBatch> {
  const period = statementPeriod(ctx.clock.today(), input);
  const font = () => loadStatementFont(deps);
  // The font first: a missing one fails the batch before any file is written (it is loaded once).
  if (input.formats.includes('pdf')) await font();
  const balances = await ledgerBalances(ctx.db, { orgId: ctx.org.id, asOf: period.to });
  const owing = balances.filter((b) => b.receivableMinor !== b.unappliedMinor);
  await mkdir(input.outDir, { recursive: true });
  const out: StatementBatch['statements'] = [];
  const taken = new Set<string>();
  // One at a time: a statement is built, written and dropped before the next.
  for (const id of new Set(owing.map((b) => b.customerId))) {
    const s = await buildStatement(ctx, { customer: id, ...period, locale: input.locale });
    const files: string[] = [];
    for (const format of input.formats) {
      let name = statementFileName(s.customer.code, period, format);
      if (taken.has(name)) name = statementFileName(`${s.customer.code}_${id.slice(-8)}`, period, format);
      taken.add(name);
      const path = join(input.outDir, name);
      await writeFile(path, await renderStatement(s, format, font));
      files.push(path);
    }
    const closing = s.sections.map((x) => `${x.closing_balance} ${x.currency}`);
    out.push({ customer: { code: s.customer.code, name: s.customer.name }, closing, files });
  }
  out.sort((a, b) => (a.customer.code < b.customer.code ? -1 : 1));
  await recordAuditEvent(ctx.db, ctx.org.id, {
    action: 'report.exported',
    entity: 'report',
    entityId: 'statement',
    after: {
      out_dir: input.outDir,
      ...period,
      formats: input.formats,
      count: out.length,
      customers: out.map((x) => x.customer.code),
    },
  });
  return { period, out_dir: input.outDir, statements: out };
}
