import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, isAppError } from '../../shared/errors/index.ts';
import type { WebApp } from './web-app.ts';

export type ValidationIssue = { in: string; path: string; message: string };

/**
 * Every failure leaves as `{error: {code, message, details}}`: domain errors with their own status,
 * schema failures as 400 VALIDATION_FAILED naming the fields, anything unexpected as a bare 500.
 */
export function installErrorHandler(app: FastifyInstance, options: { webApp?: WebApp | null } = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) return sendAppError(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const issues: ValidationIssue[] = error.validation.map((v) => ({
        in: where,
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'invalid',
      }));
      const first = issues[0];
      const message = first ? `${first.path || where}: ${first.message}` : ERROR_CODES.VALIDATION_FAILED.en;
      return sendAppError(reply, new AppError('VALIDATION_FAILED', { message, details: { issues } }));
    }
    if (isDataException(error)) {
      // SQLSTATE class 22: a value the database cannot hold (an amount too large, a malformed id).
      request.log.warn({ err: error }, 'data exception');
      return sendAppError(
        reply,
        new AppError('VALIDATION_FAILED', { message: 'a value is out of range or malformed' }),
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
      const body = new AppError('VALIDATION_FAILED', {
        message: error.message,
        details: { reason: error.code },
      });
      return reply.code(status).send(body.toBody());
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendAppError(reply, new AppError('INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) => {
    const served = options.webApp?.serve(request, reply);
    if (served) return served;
    const path = request.url.split('?')[0] ?? request.url;
    return sendAppError(
      reply,
      new AppError('NOT_FOUND', {
        message: `no route ${request.method} ${path}`,
        details: { method: request.method, path },
      }),
    );
  });
}

function sendAppError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(ERROR_CODES[error.code].status).send(error.toBody());
}

function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}
