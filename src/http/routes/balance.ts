import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getBalance, ZBalanceDto, ZBalanceQuery } from '../../modules/receivables/index.ts';
import { ERROR_RESPONSES } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

export const balanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/balance',
    {
      schema: {
        tags: ['balance'],
        summary: 'What customers owe as of a date, per customer and currency, from the journal',
        querystring: ZBalanceQuery,
        response: { 200: ZBalanceDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'reports.read' },
    },
    (request) => getBalance(ctxOf(request), request.query),
  );
};
