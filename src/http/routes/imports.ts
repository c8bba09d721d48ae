import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Permission } from '../../modules/auth/index.ts';
import {
  ImportJobs,
  previewImport,
  runImport,
  type TImportKind,
  ZImportJob,
  ZImportPreview,
  ZImportQuery,
  ZImportStarted,
} from '../../modules/imports/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import type { TabularFile } from '../../shared/tabular/index.ts';
import { ERROR_RESPONSES, ZUuidParams } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';

const tags = ['imports'];

/** Import files are the one upload bigger than a JSON document. */
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

const KIND_PERMISSION: Record<TImportKind, Permission> = {
  invoices: 'invoices.write',
  customers: 'customers.write',
};
const ANY_IMPORT: Permission[] = ['invoices.write', 'customers.write'];

/** The route admits either write permission; the kind decides which one this call needs. */
function requireKind(request: FastifyRequest, kind: TImportKind): void {
  const needed = KIND_PERMISSION[kind];
  if (!request.principal?.permissions.has(needed))
    throw new AppError('PERMISSION_DENIED', { details: { permission: needed } });
}

/** The raw body as the uploaded file; its name from `?file=` or the X-File-Name header (URI-encoded). */
function uploadOf(request: FastifyRequest, name: string | undefined): TabularFile {
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError('VALIDATION_FAILED', { message: 'send the file itself as the request body' });
  const header = request.headers['x-file-name'];
  let fileName = name ?? (typeof header === 'string' ? header : 'upload.csv');
  try {
    fileName = decodeURIComponent(fileName);
  } catch {
    // Not URI-encoded: use it as sent.
  }
  // Only the base name: it is shown back and recorded, never used as a path.
  fileName = fileName.split(/[\\/]/).pop()?.slice(0, 255) || 'upload.csv';
  return { name: fileName, bytes: new Uint8Array(body.buffer, body.byteOffset, body.length) };
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const jobs = new ImportJobs({
    onUnexpectedError: (err, job) => app.log.error({ err, job: job.id }, 'import failed unexpectedly'),
  });
  // Any content type arrives as bytes (CSV, xlsx, octet-stream), in this plugin's routes only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/imports/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Check an import file as the import would, database included; writes nothing',
        querystring: ZImportQuery,
        response: { 200: ZImportPreview, ...ERROR_RESPONSES },
      },
      config: { permission: ANY_IMPORT },
    },
    async (request) => {
      requireKind(request, request.query.kind);
      return previewImport(ctxOf(request), request.query.kind, uploadOf(request, request.query.file));
    },
  );

  app.post(
    '/api/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Start an import in the background (one transaction: all rows or none)',
        querystring: ZImportQuery,
        response: { 202: ZImportStarted, ...ERROR_RESPONSES },
      },
      config: { permission: ANY_IMPORT },
    },
    async (request, reply) => {
      const { kind } = request.query;
      requireKind(request, kind);
      const file = uploadOf(request, request.query.file);
      const ctx = ctxOf(request);
      const job = jobs.start(ctx.org.id, kind, file.name, (report) => runImport(ctx, kind, file, report));
      return reply.code(202).send({ id: job.id });
    },
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: "An import's progress and result (kept in memory by the server that runs it)",
        params: ZUuidParams,
        response: { 200: ZImportJob, ...ERROR_RESPONSES },
      },
      config: { permission: ANY_IMPORT },
    },
    async (request) => {
      // Progress changes without a database write: never answer it from the response cache.
      request.cacheKey = null;
      const job = jobs.get(ctxOf(request).org.id, request.params.id);
      if (!job) throw new AppError('NOT_FOUND', { message: 'no such import (a restart forgets them)' });
      requireKind(request, job.kind);
      return job;
    },
  );

  app.addHook('onClose', () => jobs.idle());
};
