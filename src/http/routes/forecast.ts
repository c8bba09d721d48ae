import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  forecastReceipts,
  predictOpenInvoices,
  ZForecastDto,
  ZForecastQuery,
  ZPredictionsDto,
  ZPredictionsQuery,
} from '../../modules/forecast/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import { ERROR_RESPONSES } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

export const forecastRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/forecast',
    {
      schema: {
        tags: ['forecast'],
        summary: 'Expected receipts per week (P50, with P10/P90 scenarios) and forecast against actual',
        querystring: ZForecastQuery,
        response: { 200: ZForecastDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'reports.read' },
    },
    (request) =>
      forecastReceipts(ctxOf(request), {
        asOf: request.query.as_of as BusinessDate | undefined,
        weeks: request.query.weeks,
        pastWeeks: request.query.past_weeks,
      }),
  );
  app.get(
    '/api/predictions',
    {
      schema: {
        tags: ['forecast'],
        summary: 'Expected payment date and P10-P90 range of each open invoice, earliest first',
        querystring: ZPredictionsQuery,
        response: { 200: ZPredictionsDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'reports.read' },
    },
    (request) =>
      predictOpenInvoices(ctxOf(request), {
        asOf: request.query.as_of as BusinessDate | undefined,
        customer: request.query.customer,
        limit: request.query.limit,
      }),
  );
};
