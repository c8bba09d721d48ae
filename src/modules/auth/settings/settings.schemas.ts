import { z } from 'zod';
import { ZRoleKey } from '../users/users.schemas.ts';

export const ZSecuritySettingsDto = z.object({
  mfa_required_roles: z.array(z.string()).describe('Users holding any of these roles must use MFA'),
  collectors_own_customers_only: z
    .boolean()
    .describe('Collectors (users with no more authority than the collector role) see only their customers'),
  password_min_length: z.number().int(),
});
export type TSecuritySettingsDto = z.infer<typeof ZSecuritySettingsDto>;

/** Fields left out keep their value. */
export const ZUpdateSecuritySettingsRequest = z.object({
  mfa_required_roles: z.array(ZRoleKey).max(50).optional(),
  collectors_own_customers_only: z.boolean().optional(),
  password_min_length: z.number().int().min(12).max(128).optional(),
});
export type TUpdateSecuritySettingsRequest = z.infer<typeof ZUpdateSecuritySettingsRequest>;
