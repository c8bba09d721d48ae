import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { computeKpis, ZKpisDto, ZKpisQuery } from '../../modules/reports/kpis/index.ts';
import { ERROR_RESPONSES } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

export const kpiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/kpis',
    {
      schema: {
        tags: ['reports'],
        summary:
          'AR KPIs as of a date (DSO, CEI, turnover, days late, current, at risk, disputes) and their monthly trend',
        querystring: ZKpisQuery,
        response: { 200: ZKpisDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'reports.read' },
    },
    (request) => computeKpis(ctxOf(request), { asOf: request.query.as_of, months: request.query.months }),
  );
};
