import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCustomerDto } from '../../modules/customers/index.ts';
import {
  ZAllocationDto,
  ZBalanceDto,
  ZCreditNoteDto,
  ZInvoiceDetailDto,
  ZInvoiceDto,
  ZReceiptDto,
} from '../../modules/receivables/index.ts';
import { ZErrorBody } from '../http.schemas.ts';

export const OPENAPI_TAGS = [
  { name: 'system', description: 'Health and the API description' },
  { name: 'customers', description: 'Customer master data' },
  { name: 'invoices', description: 'Invoices, their voids and write-offs' },
  { name: 'credit-notes', description: 'Credit notes' },
  { name: 'receipts', description: 'Receipts (payments received) and refunds' },
  { name: 'allocations', description: 'Applications of receipts and credit notes to invoices' },
  { name: 'balance', description: 'What customers owe, as of a date' },
  { name: 'auth', description: 'Sign-in, sessions, MFA and your own API tokens' },
  { name: 'users', description: 'Users and their roles (administration)' },
  { name: 'settings', description: 'Roles, permissions and security settings' },
  { name: 'audit', description: 'The hash-chained audit trail' },
  { name: 'reports', description: 'Aging, KPIs and customer statements' },
  { name: 'forecast', description: 'Payment-date predictions and the cash-flow forecast' },
] as const;

export type OpenApiTag = (typeof OPENAPI_TAGS)[number]['name'];

/** Named in the document's components, so client generators get one type per DTO. */
const schemaRegistry = z.registry<{ id: string }>();
schemaRegistry.add(ZErrorBody, { id: 'Error' });
schemaRegistry.add(ZCustomerDto, { id: 'Customer' });
schemaRegistry.add(ZInvoiceDto, { id: 'Invoice' });
schemaRegistry.add(ZInvoiceDetailDto, { id: 'InvoiceDetail' });
schemaRegistry.add(ZCreditNoteDto, { id: 'CreditNote' });
schemaRegistry.add(ZReceiptDto, { id: 'Receipt' });
schemaRegistry.add(ZAllocationDto, { id: 'Allocation' });
schemaRegistry.add(ZBalanceDto, { id: 'Balance' });

const zodTransform = createJsonSchemaTransform({ skipList: [], schemaRegistry });
const zodTransformObject = createJsonSchemaTransformObject({ schemaRegistry });

type WithComponents = { paths?: unknown; components?: { schemas?: Record<string, unknown> } };

/** The transform adds an input twin of every named schema; the DTOs are only ever outputs. */
function withoutUnusedInputs<T extends object>(doc: T): T {
  const { paths, components } = doc as WithComponents;
  if (!components?.schemas) return doc;
  const used = JSON.stringify(paths ?? {});
  const schemas = Object.fromEntries(
    Object.entries(components.schemas).filter(
      ([id]) => !id.endsWith('Input') || used.includes(`"#/components/schemas/${id}"`),
    ),
  );
  return { ...doc, components: { ...components, schemas } };
}

/**
 * The OpenAPI document is generated from the same zod schemas that validate requests and
 * responses, so it cannot drift. Register before the routes: swagger collects them as they are added.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Settle API',
        description:
          'Accounts receivable. Amounts are decimal strings in major units ("1234.56"); dates are YYYY-MM-DD. ' +
          'Errors are `{error: {code, message, details}}`. Lists are keyset-paged: pass `next_cursor` back as `cursor`.',
        version: '0.1.0',
      },
      tags: [...OPENAPI_TAGS],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'settle_session' },
          token: { type: 'http', scheme: 'bearer', description: 'An API token: `settle tokens create`' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: (input) => {
      const out = zodTransform(input);
      const permission = input.route.config?.permission;
      // Clients (and the trust issue's tests) can read what each operation requires.
      return permission ? { ...out, schema: { ...out.schema, 'x-permission': permission } } : out;
    },
    transformObject: (input) => withoutUnusedInputs(zodTransformObject(input)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { isSelf: true } }, async () =>
    app.swagger(),
  );
}
