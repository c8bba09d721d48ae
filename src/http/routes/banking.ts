import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createBankAccount,
  importBankStatementAndMatch,
  listBankAccounts,
  listBankTransactions,
  ZBankAccountDto,
  ZBankImportReport,
  ZBankTransactionDto,
  ZCreateBankAccountRequest,
  ZImportBankStatementQuery,
  ZListBankTransactionsQuery,
} from '../../modules/banking/index.ts';
import type { Ctx } from '../../shared/context/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { ERROR_RESPONSES, pageOf } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';
import { IMPORT_BODY_LIMIT_BYTES } from './imports.ts';

const tags = ['banking'];

/** Loaded when first needed, as the CLI does. */
async function matchAndApply(ctx: Ctx, ids: readonly string[]): Promise<void> {
  const { matchBankTransactions } = await import('../../modules/matching/index.ts');
  await matchBankTransactions(ctx, { ids, apply: true });
}

/** The raw body as the uploaded statement; its name from `?file=` or X-File-Name (URI-encoded). */
function statementOf(request: FastifyRequest, name: string | undefined): { name: string; bytes: Uint8Array } {
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      message: 'send the statement file itself as the request body',
    });
  const header = request.headers['x-file-name'];
  let fileName = name ?? (typeof header === 'string' ? header : 'statement');
  try {
    fileName = decodeURIComponent(fileName);
  } catch {
    // Not URI-encoded: use it as sent.
  }
  // Only the base name: it is shown back and recorded, never used as a path.
  fileName = fileName.split(/[\\/]/).pop()?.slice(0, 255) || 'statement';
  return { name: fileName, bytes: new Uint8Array(body.buffer, body.byteOffset, body.length) };
}

const bankAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/bank-accounts',
    {
      schema: {
        tags,
        summary: "The org's bank accounts",
        response: { 200: z.object({ items: z.array(ZBankAccountDto) }), ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.read' },
    },
    async (request) => ({ items: await listBankAccounts(ctxOf(request)) }),
  );

  app.post(
    '/api/bank-accounts',
    {
      schema: {
        tags,
        summary: 'Add a bank account (IBAN and number stored encrypted)',
        body: ZCreateBankAccountRequest,
        response: { 201: ZBankAccountDto, ...ERROR_RESPONSES },
      },
      config: { permission: 'bank.import' },
    },
    async (request, reply) => reply.code(201).send(await createBankAccount(ctxOf(request), request.body)),
  );

  app.get(
    '/api/bank/transactions',
    {
      schema: {
        tags,
        summary: 'Bank lines, newest booking first (filter by status, account, dates, text; cursor)',
        querystring: ZListBankTransactionsQuery,
        response: { 200: pageOf(ZBankTransactionDto), ...ERROR_RESPONSES },
      },
      config: { permission: 'receipts.read' },
    },
    (request) => listBankTransactions(ctxOf(request), request.query),
  );
};

const statementUploadRoutes: FastifyPluginAsyncZod = async (app) => {
  // Any content type arrives as bytes (XML, CSV, xlsx, MT940 text), in this plugin's routes only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/bank/statements',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          'Import a bank statement file (format detected); all of it or nothing, lines already imported skipped; then match its new money-in lines',
        querystring: ZImportBankStatementQuery,
        response: { 200: ZBankImportReport, ...ERROR_RESPONSES },
      },
      config: { permission: 'bank.import' },
    },
    async (request) => {
      const { file, account, preset, match } = request.query;
      return importBankStatementAndMatch(
        ctxOf(request),
        { file: statementOf(request, file), account, preset },
        match === false ? null : matchAndApply,
      );
    },
  );
};

export const bankingRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(bankAccountRoutes);
  await app.register(statementUploadRoutes);
};
