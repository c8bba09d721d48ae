import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUser,
  disableMfa,
  listUsers,
  resetPassword,
  unlockUser,
  updateUser,
  ZCreateUserRequest,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUserDto,
  ZUserWithPasswordDto,
} from '../../modules/auth/index.ts';
import { ctxOf } from '../plugins/org-context.ts';
import { AUTH_ERROR_RESPONSES, type AuthRouteOptions, principalOf } from './auth-support.ts';

const tags = ['users'];
const ZUserParams = z.object({ id: z.string().trim().min(1).describe('user id or email') });
const config = { permission: 'users.manage' } as const;
/** A user manager acts only on users, and grants only roles, within their own permissions. */
const reachOf = (request: FastifyRequest) => ({ grantable: principalOf(request).permissions });

/** User administration. Passwords are never returned, except a generated one, once. */
export const userRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, options) => {
  const hashing = options.hashing ? { hashing: options.hashing } : {};

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Every user of the organisation',
        response: { 200: z.array(ZUserDto), ...AUTH_ERROR_RESPONSES },
      },
      config,
    },
    (request) => listUsers(ctxOf(request)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Add a user (without a password, one is generated and shown once)',
        body: ZCreateUserRequest,
        response: { 201: ZUserWithPasswordDto, ...AUTH_ERROR_RESPONSES },
      },
      config,
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createUser(ctxOf(request), request.body, { ...hashing, ...reachOf(request) })),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change roles, name, salesperson, locale or status (disabling ends their sessions)',
        params: ZUserParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUserDto, ...AUTH_ERROR_RESPONSES },
      },
      config,
    },
    (request) => updateUser(ctxOf(request), request.params.id, request.body, reachOf(request)),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password, or have one generated; every session of the user ends',
        params: ZUserParams,
        body: ZResetPasswordRequest,
        response: { 200: ZUserWithPasswordDto, ...AUTH_ERROR_RESPONSES },
      },
      config,
    },
    (request) =>
      resetPassword(ctxOf(request), request.params.id, request.body, { ...hashing, ...reachOf(request) }),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Lift a sign-in lockout',
        params: ZUserParams,
        response: { 200: ZUserDto, ...AUTH_ERROR_RESPONSES },
      },
      config,
    },
    (request) => unlockUser(ctxOf(request), request.params.id, reachOf(request)),
  );

  app.post(
    '/api/users/:id/mfa/disable',
    {
      schema: {
        tags,
        summary: 'Turn off the MFA of a user who lost their authenticator and recovery codes',
        params: ZUserParams,
        response: { 200: ZUserDto, ...AUTH_ERROR_RESPONSES },
      },
      config,
    },
    (request) => disableMfa(ctxOf(request), request.params.id, { byAdmin: true, ...reachOf(request) }),
  );
};
