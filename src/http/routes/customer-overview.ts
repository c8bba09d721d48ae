import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listCustomerActivity,
  listCustomerOverview,
  ZCustomerActivityPage,
  ZCustomerActivityQuery,
  ZCustomerOverviewPage,
  ZCustomerOverviewQuery,
} from '../../modules/reports/index.ts';
import { ERROR_RESPONSES, ZIdParams } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

/** The customers list with balances, status and risk; one customer's activity timeline. */
export const customerOverviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reports/customers',
    {
      schema: {
        tags: ['reports'],
        summary: 'Customers with open and overdue balance, oldest overdue, last payment, status and risk',
        querystring: ZCustomerOverviewQuery,
        response: { 200: ZCustomerOverviewPage, ...ERROR_RESPONSES },
      },
      config: { permission: 'customers.read' },
    },
    (request) => listCustomerOverview(ctxOf(request), request.query),
  );

  app.get(
    '/api/customers/:id/activity',
    {
      schema: {
        tags: ['customers'],
        summary: "A customer's timeline: documents, applications, reversals, disputes, record changes",
        params: ZIdParams,
        querystring: ZCustomerActivityQuery,
        response: { 200: ZCustomerActivityPage, ...ERROR_RESPONSES },
      },
      config: { permission: 'customers.read' },
    },
    (request) => listCustomerActivity(ctxOf(request), request.params.id, request.query),
  );
};
