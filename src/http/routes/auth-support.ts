import type { FastifyRequest } from 'fastify';
import type { PasswordHashing, Principal } from '../../modules/auth/index.ts';
import type { Keyring } from '../../shared/context/index.ts';
import type { Database } from '../../shared/db/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import type { Clock } from '../../shared/time/index.ts';
import { ERROR_RESPONSES, ZErrorBody } from '../http.schemas.ts';

/** Options of the auth, users and roles route plugins. */
export type AuthRouteOptions = {
  database: Database;
  /** The org sign-in uses when the request names none. */
  orgSlug?: string;
  /** Default: database.keyring. */
  keyring?: Keyring | null;
  /** argon2id cost; production leaves it out (tests lower it). */
  hashing?: PasswordHashing;
  clock?: Clock;
};

/** What a sign-in or account route can answer besides success. */
export const AUTH_ERROR_RESPONSES = {
  ...ERROR_RESPONSES,
  401: ZErrorBody,
  403: ZErrorBody,
  422: ZErrorBody,
  423: ZErrorBody,
  429: ZErrorBody,
} as const;

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH_REQUIRED');
  return request.principal;
}
