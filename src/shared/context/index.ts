export type { Ctx, FieldCipher, Keyring, OrgRef } from './context.ts';
