import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  buildStatement,
  exportStatement,
  type StatementFormat,
  ZStatementDto,
  ZStatementQuery,
} from '../../modules/reports/statements/index.ts';
import { ERROR_RESPONSES, ZIdParams } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['reports'];

/**
 * The statement as JSON for anyone who reads reports; as a PDF or workbook (data leaving the
 * system, recorded in the audit trail) for those who may export data.
 */
export const statementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/customers/:id/statement',
    {
      schema: {
        tags,
        summary: "A customer's statement of account for a period: opening, lines, closing, aging",
        params: ZIdParams,
        querystring: ZStatementQuery,
        response: { 200: ZStatementDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'reports.read' },
    },
    (request) => buildStatement(ctxOf(request), { ...request.query, customer: request.params.id }),
  );

  for (const format of ['pdf', 'xlsx'] as const satisfies readonly StatementFormat[]) {
    app.get(
      `/api/customers/:id/statement.${format}`,
      {
        schema: {
          tags,
          summary: `Download the statement of account as ${format === 'pdf' ? 'PDF (A4, Chinese font embedded)' : 'an Excel workbook'}`,
          params: ZIdParams,
          querystring: ZStatementQuery,
          response: { 200: z.string().describe('The file'), ...ERROR_RESPONSES },
        },
        config: { permission: 'export.data' },
      },
      async (request, reply) => {
        const file = await exportStatement(
          ctxOf(request),
          { ...request.query, customer: request.params.id, format },
          { fontEnv: process.env },
        );
        return (
          reply
            .header('content-type', file.contentType)
            .header('content-disposition', contentDisposition(file.filename))
            // A Buffer is sent as it is, never through the response serializer the schema types.
            .send(file.bytes as unknown as string)
        );
      },
    );
  }
};

/** A customer code may be Chinese: an ASCII fallback name and the UTF-8 one (RFC 6266). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
