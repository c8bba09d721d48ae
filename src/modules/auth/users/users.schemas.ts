import { z } from 'zod';

/** Emails are compared lower-cased: `Alice@X.cn` and `alice@x.cn` are one user. */
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const ZRoleKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'a role key: lower-case letters, digits and _, e.g. ar_clerk');
export const ZUserStatus = z.enum(['active', 'disabled']);
export type TUserStatus = z.infer<typeof ZUserStatus>;
/** Checked against the policy by the use case (the org sets the minimum length). */
export const ZPassword = z.string().min(1).max(1024);

export const ZCreateUserRequest = z.object({
  email: ZEmail,
  display_name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(ZRoleKey).min(1).max(20),
  salesperson: z.string().trim().min(1).max(200).nullish(),
  locale: z.enum(['zh-CN', 'en']).nullish(),
  password: ZPassword.optional().describe('Omit to have a strong password generated and returned once'),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  display_name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(ZRoleKey).min(1).max(20).optional(),
  salesperson: z.string().trim().min(1).max(200).nullish(),
  locale: z.enum(['zh-CN', 'en']).nullish(),
  status: ZUserStatus.optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z
  .object({ password: ZPassword.optional() })
  .nullish()
  .transform((v) => v ?? {});
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;

export const ZUserDto = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  status: ZUserStatus,
  roles: z.array(z.string()),
  salesperson: z.string().nullable(),
  locale: z.string().nullable(),
  mfa_enabled: z.boolean(),
  is_locked: z.boolean(),
  locked_until: z.string().nullable(),
  last_login_at: z.string().nullable(),
  password_changed_at: z.string(),
  created_at: z.string(),
});
export type TUserDto = z.infer<typeof ZUserDto>;

/** A password is shown once, when it was generated, and never again. */
export const ZUserWithPasswordDto = z.object({
  user: ZUserDto,
  generated_password: z.string().nullable().describe('Shown once; null when the caller chose the password'),
});
export type TUserWithPasswordDto = z.infer<typeof ZUserWithPasswordDto>;
