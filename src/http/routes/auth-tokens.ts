import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  ZApiTokenDto,
  ZCreateApiTokenRequest,
  ZCreatedApiTokenDto,
} from '../../modules/auth/index.ts';
import { ZUuidParams } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';
import { AUTH_ERROR_RESPONSES, principalOf } from './auth-support.ts';

const tags = ['auth'];

/** My API tokens, for scripts: `Authorization: Bearer stl_...`. */
export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'My API tokens',
        response: { 200: z.array(ZApiTokenDto), ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    (request) => listApiTokens(ctxOf(request), { userId: principalOf(request).userId }),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (shown once); its scopes cannot exceed what I hold',
        body: ZCreateApiTokenRequest,
        response: { 201: ZCreatedApiTokenDto, ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const created = await createApiToken(
        ctxOf(request),
        { ...request.body, user: principal.userId },
        { grantable: principal.permissions },
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: ZUuidParams,
        response: { 200: ZApiTokenDto, ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    (request) => revokeApiToken(ctxOf(request), request.params.id, { userId: principalOf(request).userId }),
  );
};
