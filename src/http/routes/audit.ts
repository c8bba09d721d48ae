import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportAudit,
  listAuditEntries,
  verifyAuditChain,
  ZAuditEntryDto,
  ZAuditVerification,
  ZExportAuditQuery,
  ZListAuditQuery,
} from '../../modules/audit/index.ts';
import { ERROR_RESPONSES, pageOf } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['audit'];

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
} as const;

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'The audit trail of the org, newest first (filter by dates, actor, entity, action)',
        querystring: ZListAuditQuery,
        response: { 200: pageOf(ZAuditEntryDto), ...ERROR_RESPONSES },
      },
      config: { permission: 'audit.read' },
    },
    (request) => listAuditEntries(ctxOf(request), request.query),
  );

  app.get(
    '/api/audit/export',
    {
      schema: {
        tags,
        summary: 'Download the audit trail between two dates as CSV or JSON lines (the export is recorded)',
        querystring: ZExportAuditQuery,
        response: { 200: z.string().describe('The file'), ...ERROR_RESPONSES },
      },
      config: { permission: 'export.data' },
    },
    async (request, reply) => {
      const file = await exportAudit(ctxOf(request), request.query);
      return (
        reply
          .header('content-type', CONTENT_TYPES[file.format])
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('x-audit-rows', String(file.count))
          // A stream is sent as it is, never through the response serializer the schema types.
          .send(Readable.from(file) as unknown as string)
      );
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: "Recompute the org's audit hash chain and name the first broken link",
        response: { 200: ZAuditVerification, ...ERROR_RESPONSES },
      },
      config: { permission: 'audit.read' },
    },
    (request) => {
      const ctx = ctxOf(request);
      return verifyAuditChain(ctx.db, { orgId: ctx.org.id });
    },
  );
};
