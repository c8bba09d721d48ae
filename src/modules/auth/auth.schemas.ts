import { z } from 'zod';
import { ZPermission } from './roles/roles.schemas.ts';
import { ZEmail, ZPassword } from './users/users.schemas.ts';

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: ZPassword,
  org: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Organisation slug; needed only when the email is in several'),
  totp_code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits')
    .optional(),
  recovery_code: z.string().trim().min(1).max(64).optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMeDto = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  org_id: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  salesperson_scope: z.string().nullable().describe('Set when the user sees only their own customers'),
  must_enrol_mfa: z.boolean(),
  mfa_enabled: z.boolean().describe('The user has an authenticator enrolled'),
  via: z.enum(['session', 'token']),
});
export type TMeDto = z.infer<typeof ZMeDto>;

export const ZLoginResponse = z.object({
  user: ZMeDto,
  csrf_token: z.string().describe('Send back in the x-csrf-token header on every unsafe request'),
  must_enrol_mfa: z.boolean(),
  expires_at: z.string(),
});
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const ZChangePasswordRequest = z.object({ current_password: ZPassword, new_password: ZPassword });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZTotpEnrolmentDto = z.object({
  secret: z.string().describe('base32, for typing into an authenticator by hand'),
  otpauth_uri: z.string(),
  qr_code_data_url: z.string().describe('PNG data URL of the otpauth URI'),
});
export type TTotpEnrolmentDto = z.infer<typeof ZTotpEnrolmentDto>;

export const ZTotpCodeRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
export type TTotpCodeRequest = z.infer<typeof ZTotpCodeRequest>;

export const ZRecoveryCodesDto = z.object({
  recovery_codes: z.array(z.string()).describe('Shown once; each works once instead of a code'),
});
export type TRecoveryCodesDto = z.infer<typeof ZRecoveryCodesDto>;

export const ZDisableMfaRequest = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits')
      .optional(),
    recovery_code: z.string().trim().min(1).max(64).optional(),
  })
  .refine((v) => v.code !== undefined || v.recovery_code !== undefined, {
    message: 'a current code or a recovery code is needed',
  });
export type TDisableMfaRequest = z.infer<typeof ZDisableMfaRequest>;

export const ZCreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(ZPermission).max(50).optional().describe('Default: every permission the user holds now'),
  expires_at: z.iso.datetime({ offset: true }).optional(),
});
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

export const ZApiTokenDto = z.object({
  id: z.string(),
  user_id: z.string(),
  user_email: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type TApiTokenDto = z.infer<typeof ZApiTokenDto>;

export const ZCreatedApiTokenDto = z.object({
  token: z.string().describe('Shown once: send as `Authorization: Bearer <token>`'),
  api_token: ZApiTokenDto,
});
export type TCreatedApiTokenDto = z.infer<typeof ZCreatedApiTokenDto>;
