import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  beginTotpEnrolment,
  changeOwnPassword,
  confirmTotpEnrolment,
  disableMfa,
  ZChangePasswordRequest,
  ZDisableMfaRequest,
  ZRecoveryCodesDto,
  ZTotpCodeRequest,
  ZTotpEnrolmentDto,
  ZUserDto,
} from '../../modules/auth/index.ts';
import { ZNoContent } from '../http.schemas.ts';
import { ctxOf } from '../plugins/org-context.ts';
import { AUTH_ERROR_RESPONSES, type AuthRouteOptions, principalOf } from './auth-support.ts';
import { apiTokenRoutes } from './auth-tokens.ts';

const tags = ['auth'];

/** The signed-in user's own account: password and MFA. Reachable while MFA enrolment is due. */
export const selfServiceRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, options) => {
  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change my password (other sessions end)',
        body: ZChangePasswordRequest,
        response: { 204: ZNoContent, ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    async (request, reply) => {
      const via = principalOf(request).via;
      await changeOwnPassword(ctxOf(request), request.body, {
        keepSessionId: via.kind === 'session' ? via.sessionId : null,
        ip: request.ip,
        ...(options.hashing ? { hashing: options.hashing } : {}),
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/mfa/enrol',
    {
      schema: {
        tags,
        summary: 'Start TOTP enrolment: a secret and its QR code, shown once',
        response: { 200: ZTotpEnrolmentDto, ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    (request) => beginTotpEnrolment(ctxOf(request)),
  );

  app.post(
    '/api/auth/mfa/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm enrolment with a code: MFA is on, recovery codes are shown once',
        body: ZTotpCodeRequest,
        response: { 200: ZRecoveryCodesDto, ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    (request) => confirmTotpEnrolment(ctxOf(request), request.body.code),
  );

  app.post(
    '/api/auth/mfa/disable',
    {
      schema: {
        tags,
        summary: 'Turn my MFA off, proving it with a current code or a recovery code',
        body: ZDisableMfaRequest,
        response: { 200: ZUserDto, ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    (request) => {
      const { code, recovery_code } = request.body;
      return disableMfa(ctxOf(request), principalOf(request).userId, {
        ...(code ? { code } : {}),
        ...(recovery_code ? { recoveryCode: recovery_code } : {}),
      });
    },
  );

  await app.register(apiTokenRoutes, options);
};
