import type { Ctx } from '../../../shared/context/index.ts';
import { recordAuditEvent } from '../../audit/index.ts';
import { type BuildStatementInput, buildStatement } from './build-statement.ts';
import { type CjkFontEnv, findCjkFont } from './pdf/find-cjk-font.ts';
import { type CjkFont, loadCjkFont } from './pdf/load-cjk-font.ts';
import { renderStatementPdf } from './pdf/render-statement-pdf.ts';
import { CONTENT_TYPES, type StatementFormat, statementFileName } from './statement-file.ts';
import type { TStatementDto } from './statements.schemas.ts';
import { renderStatementXlsx } from './xlsx/render-statement-xlsx.ts';

export type StatementFile = {
  filename: string;
  contentType: string;
  bytes: Buffer;
  statement: TStatementDto;
};

/** Where the PDF's Chinese font comes from: SETTLE_CJK_FONT(_FAMILY), else the usual system paths. */
export type StatementRenderDeps = { fontEnv: CjkFontEnv };

export function loadStatementFont(deps: StatementRenderDeps): Promise<CjkFont> {
  return loadCjkFont(findCjkFont(deps.fontEnv));
}

export async function renderStatement(
  s: TStatementDto,
  format: StatementFormat,
  font: () => Promise<CjkFont>,
) {
  return format === 'pdf' ? renderStatementPdf(s, await font()) : renderStatementXlsx(s);
}

/** One customer's statement as a PDF or workbook. Data leaving the system is recorded in the audit trail. */
export async function exportStatement(
  ctx: Ctx,
  input: BuildStatementInput & { format: StatementFormat },
  deps: StatementRenderDeps,
): Promise<StatementFile> {
  const statement = await buildStatement(ctx, input);
  const bytes = await renderStatement(statement, input.format, () => loadStatementFont(deps));
  // Recorded like every report export: which report, for whom and which period, how big.
  await recordAuditEvent(ctx.db, ctx.org.id, {
    action: 'report.exported',
    entity: 'report',
    entityId: 'statement',
    after: {
      format: input.format,
      customer: statement.customer.code,
      customer_id: statement.customer.id,
      ...statement.period,
      bytes: bytes.length,
    },
  });
  return {
    filename: statementFileName(statement.customer.code, statement.period, input.format),
    contentType: CONTENT_TYPES[input.format],
    bytes,
    statement,
  };
}
