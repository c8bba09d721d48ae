import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agingReportTable,
  computeAging,
  exportReport,
  listAgingItems,
  ZAgingItemsQuery,
  ZAgingQuery,
  ZAgingReportDto,
} from '../../modules/reports/index.ts';
import { ERROR_RESPONSES } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';
import { sendExport, ZExportOptions } from './send-export.ts';

const ZAgingItems = z.object({
  items: z.array(
    z.object({
      invoice_id: z.string(),
      number: z.string(),
      customer: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      currency: z.string(),
      issue_date: z.string(),
      due_date: z.string(),
      days_overdue: z.number(),
      bucket: z.string(),
      total: z.string(),
      open_amount: z.string(),
    }),
  ),
});

export const agingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reports/aging',
    {
      schema: {
        tags: ['reports'],
        summary: 'Aging as of a date, with its reconciliation against the AR control account',
        querystring: ZAgingQuery,
        response: { 200: ZAgingReportDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'reports.read' },
    },
    (request) => computeAging(ctxOf(request), request.query),
  );
  app.get(
    '/api/reports/aging/items',
    {
      schema: {
        tags: ['reports'],
        summary: 'The invoices behind an aging bucket (drill-down), oldest first',
        querystring: ZAgingItemsQuery,
        response: { 200: ZAgingItems, ...ERROR_RESPONSES },
      },
      config: { permission: 'reports.read' },
    },
    (request) => listAgingItems(ctxOf(request), request.query),
  );
  app.get(
    '/api/reports/aging/export',
    {
      schema: {
        tags: ['reports'],
        summary: 'The aging as a CSV, Excel or PDF file (recorded in the audit trail)',
        querystring: ZAgingQuery.extend(ZExportOptions.shape),
      },
      config: { permission: 'export.data' },
    },
    async (request, reply) => {
      const { format, lang, ...query } = request.query;
      const ctx = ctxOf(request);
      const report = await computeAging(ctx, query);
      const out = await exportReport(
        ctx,
        { name: 'aging', table: agingReportTable(report, lang), filters: query },
        format,
        { fontEnv: process.env },
      );
      return sendExport(reply, out, `aging-${report.as_of}`);
    },
  );
};
