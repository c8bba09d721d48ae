import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getCreditNote,
  issueCreditNote,
  listCreditNotes,
  voidCreditNote,
  ZCreditNoteDto,
  ZIssueCreditNoteRequest,
  ZListDocumentsQuery,
} from '../../modules/receivables/index.ts';
import { ERROR_RESPONSES, pageOf, ZIdParams, ZOptionalReverseRequest } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['credit-notes'];

export const creditNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/credit-notes',
    {
      schema: {
        tags,
        summary: 'List credit notes (filter by customer and date, cursor)',
        querystring: ZListDocumentsQuery,
        response: { 200: pageOf(ZCreditNoteDto), ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.read' },
    },
    (request) => listCreditNotes(ctxOf(request), request.query),
  );

  app.post(
    '/api/credit-notes',
    {
      schema: {
        tags,
        summary: 'Issue a credit note, optionally applied to an invoice at once',
        body: ZIssueCreditNoteRequest,
        response: { 201: ZCreditNoteDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.write' },
    },
    async (request, reply) => reply.code(201).send(await issueCreditNote(ctxOf(request), request.body)),
  );

  app.get(
    '/api/credit-notes/:id',
    {
      schema: {
        tags,
        summary: 'A credit note by id or number',
        params: ZIdParams,
        response: { 200: ZCreditNoteDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.read' },
    },
    (request) => getCreditNote(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/credit-notes/:id/void',
    {
      schema: {
        tags,
        summary: 'Void a credit note that has no live applications',
        params: ZIdParams,
        body: ZOptionalReverseRequest,
        response: { 200: ZCreditNoteDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.write' },
    },
    (request) => voidCreditNote(ctxOf(request), request.params.id, request.body),
  );
};
