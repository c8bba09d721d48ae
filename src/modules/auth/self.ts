import type { Ctx } from '../../shared/context/index.ts';
import { AppError } from '../../shared/errors/index.ts';

/** Self-service use cases act for the signed-in user of the context, never for a named one. */
export function selfOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError('AUTH_REQUIRED', { message: 'this needs a signed-in user' });
  return ctx.userId;
}
