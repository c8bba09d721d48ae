import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forecastReceipts, ZForecastQuery } from '../../modules/forecast/index.ts';
import {
  computeKpis,
  exportReport,
  forecastReportTable,
  kpiReportTable,
  ZKpisQuery,
} from '../../modules/reports/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { ctxOf } from '../plugins/org-context.ts';
import { sendExport, ZExportOptions } from './send-export.ts';

/** KPIs and the forecast as files: CSV, xlsx or PDF, each export on the audit trail. */
export const reportExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/kpis/export',
    {
      schema: {
        tags: ['reports'],
        summary: 'The KPIs and their trend as a file',
        querystring: ZKpisQuery.extend(ZExportOptions.shape),
      },
      config: { permission: 'export.data' },
    },
    async (request, reply) => {
      const { format, lang, ...query } = request.query;
      const ctx = ctxOf(request);
      const k = await computeKpis(ctx, { asOf: query.as_of, months: query.months });
      const out = await exportReport(
        ctx,
        { name: 'kpis', table: kpiReportTable(k, lang), filters: query },
        format,
        {
          fontEnv: process.env,
        },
      );
      return sendExport(reply, out, `kpis-${k.as_of}`);
    },
  );
  app.get(
    '/api/forecast/export',
    {
      schema: {
        tags: ['forecast'],
        summary: 'The receipts forecast as a file',
        querystring: ZForecastQuery.extend(ZExportOptions.shape),
      },
      config: { permission: 'export.data' },
    },
    async (request, reply) => {
      const { format, lang, ...q } = request.query;
      const ctx = ctxOf(request);
      const f = await forecastReceipts(ctx, {
        asOf: q.as_of as BusinessDate | undefined,
        weeks: q.weeks,
        pastWeeks: q.past_weeks,
      });
      const out = await exportReport(
        ctx,
        { name: 'forecast', table: forecastReportTable(f, lang), filters: q },
        format,
        {
          fontEnv: process.env,
        },
      );
      return sendExport(reply, out, `forecast-${f.as_of}`);
    },
  );
};
