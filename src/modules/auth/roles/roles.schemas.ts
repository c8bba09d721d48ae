import { z } from 'zod';
import { PERMISSIONS } from '../permissions.ts';
import { ZRoleKey } from '../users/users.schemas.ts';

export const ZPermission = z.enum(PERMISSIONS);

export const ZCreateRoleRequest = z.object({
  key: ZRoleKey,
  name: z.string().trim().min(1).max(100),
  permissions: z
    .array(z.string().trim())
    .max(PERMISSIONS.length)
    .describe('Names from the permission catalogue'),
});
export type TCreateRoleRequest = z.infer<typeof ZCreateRoleRequest>;

export const ZUpdateRoleRequest = ZCreateRoleRequest.omit({ key: true }).partial();
export type TUpdateRoleRequest = z.infer<typeof ZUpdateRoleRequest>;

export const ZRoleDto = z.object({
  key: z.string(),
  name: z.string(),
  is_built_in: z.boolean(),
  permissions: z.array(z.string()),
  created_at: z.string().nullable(),
});
export type TRoleDto = z.infer<typeof ZRoleDto>;

export const ZRoleParams = z.object({ key: ZRoleKey });
