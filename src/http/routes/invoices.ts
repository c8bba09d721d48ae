import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getInvoice,
  issueInvoice,
  listInvoices,
  reverseWriteOff,
  voidInvoice,
  writeOffInvoice,
  ZInvoiceDetailDto,
  ZInvoiceDto,
  ZIssueInvoiceRequest,
  ZListInvoicesQuery,
  ZWriteOffRequest,
} from '../../modules/receivables/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';
import {
  ERROR_RESPONSES,
  pageOf,
  ZAsOfQuery,
  ZIdParams,
  ZOptionalReverseRequest,
  ZUuidParams,
} from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['invoices'];

export const invoiceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/invoices',
    {
      schema: {
        tags,
        summary: 'List invoices in their state as of a date (filter, sort, cursor)',
        querystring: ZListInvoicesQuery,
        response: { 200: pageOf(ZInvoiceDto), ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.read' },
    },
    (request) => listInvoices(ctxOf(request), request.query),
  );

  app.post(
    '/api/invoices',
    {
      schema: {
        tags,
        summary: 'Issue an invoice (lines, or an amount with optional tax)',
        body: ZIssueInvoiceRequest,
        response: { 201: ZInvoiceDetailDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.write' },
    },
    async (request, reply) => reply.code(201).send(await issueInvoice(ctxOf(request), request.body)),
  );

  app.get(
    '/api/invoices/:id',
    {
      schema: {
        tags,
        summary: 'An invoice by id or number, with lines, applications, write-offs and journal',
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZInvoiceDetailDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.read' },
    },
    (request) =>
      getInvoice(ctxOf(request), request.params.id, request.query.as_of as BusinessDate | undefined),
  );

  app.post(
    '/api/invoices/:id/void',
    {
      schema: {
        tags,
        summary: 'Void an invoice that has no live applications',
        params: ZIdParams,
        body: ZOptionalReverseRequest,
        response: { 200: ZInvoiceDetailDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'invoices.write' },
    },
    (request) => voidInvoice(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/invoices/:id/write-offs',
    {
      schema: {
        tags,
        summary: 'Write off (part of) what is open: a bad debt or a small difference',
        params: ZIdParams,
        body: ZWriteOffRequest.omit({ invoice: true }),
        response: { 201: ZInvoiceDetailDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'writeoffs.create' },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await writeOffInvoice(ctxOf(request), { ...request.body, invoice: request.params.id })),
  );

  app.post(
    '/api/write-offs/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse a write-off; answers with its invoice',
        params: ZUuidParams,
        body: ZOptionalReverseRequest,
        response: { 200: ZInvoiceDetailDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'writeoffs.create' },
    },
    (request) => reverseWriteOff(ctxOf(request), request.params.id, request.body),
  );
};
