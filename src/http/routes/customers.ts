import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
  ZCreateCustomerRequest,
  ZCustomerDto,
  ZListCustomersQuery,
  ZUpdateCustomerRequest,
} from '../../modules/customers/index.ts';
import { ERROR_RESPONSES, pageOf, ZIdParams, ZNoContent } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['customers'];

export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/customers',
    {
      schema: {
        tags,
        summary: 'List customers (search, filter, sort, cursor)',
        querystring: ZListCustomersQuery,
        response: { 200: pageOf(ZCustomerDto), ...ERROR_RESPONSES },
      },
      config: { permission: 'customers.read' },
    },
    (request) => listCustomers(ctxOf(request), request.query),
  );

  app.post(
    '/api/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer',
        body: ZCreateCustomerRequest,
        response: { 201: ZCustomerDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'customers.write' },
    },
    async (request, reply) => reply.code(201).send(await createCustomer(ctxOf(request), request.body)),
  );

  app.get(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: 'A customer by id or code',
        params: ZIdParams,
        response: { 200: ZCustomerDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'customers.read' },
    },
    (request) => getCustomer(ctxOf(request), request.params.id),
  );

  app.patch(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: 'Change master data (documents already issued keep theirs)',
        params: ZIdParams,
        body: ZUpdateCustomerRequest,
        response: { 200: ZCustomerDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'customers.write' },
    },
    (request) => updateCustomer(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: 'Delete a customer that has no documents',
        params: ZIdParams,
        response: { 204: ZNoContent, ...ERROR_RESPONSES },
      },
      config: { permission: 'customers.write' },
    },
    async (request, reply) => {
      await deleteCustomer(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
