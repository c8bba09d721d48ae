import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CSRF_COOKIE,
  describePrincipal,
  login,
  logout,
  SESSION_COOKIE,
  ZLoginRequest,
  ZLoginResponse,
  ZMeDto,
} from '../../modules/auth/index.ts';
import { ZNoContent } from '../http.schemas.ts';
import { selfServiceRoutes } from './auth-self.ts';
import { AUTH_ERROR_RESPONSES, type AuthRouteOptions, principalOf } from './auth-support.ts';

export type { AuthRouteOptions } from './auth-support.ts';

/** The session cookie is invisible to scripts; the CSRF cookie is read by the page and echoed in a header. */
const SESSION_MAX_AGE_S = 7 * 24 * 3600;

function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string): void {
  const common = { sameSite: 'strict', secure: 'auto', path: '/', maxAge: SESSION_MAX_AGE_S } as const;
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, options) => {
  const now = () => options.clock?.now() ?? new Date();
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password (and a TOTP or recovery code when MFA is on)',
        security: [],
        body: ZLoginRequest,
        response: { 200: ZLoginResponse, ...AUTH_ERROR_RESPONSES },
      },
      config: { isPublic: true },
    },
    async (request, reply) => {
      const b = request.body;
      const org = b.org ?? options.orgSlug;
      const result = await login(
        options.database.db,
        {
          ...(org ? { org } : {}),
          email: b.email,
          password: b.password,
          ...(b.totp_code ? { totp: b.totp_code } : {}),
          ...(b.recovery_code ? { recoveryCode: b.recovery_code } : {}),
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
        now(),
        {
          keyring: options.keyring ?? options.database.keyring,
          ...(options.hashing ? { hashing: options.hashing } : {}),
        },
      );
      setSessionCookies(reply, result.token, result.csrfToken);
      return {
        user: describePrincipal(result.principal),
        csrf_token: result.csrfToken,
        must_enrol_mfa: result.principal.mustEnrolMfa,
        expires_at: result.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out (ends this session)',
        response: { 204: ZNoContent, ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && principalOf(request).via.kind === 'session')
        await logout(options.database.db, token, now());
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'Who is signed in, and what they may do',
        response: { 200: ZMeDto, ...AUTH_ERROR_RESPONSES },
      },
      config: { isSelf: true },
    },
    async (request) => describePrincipal(principalOf(request)),
  );

  await app.register(selfServiceRoutes, options);
};
