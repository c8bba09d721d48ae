export type { Ctx, FieldCipher, OrgRef } from './context.ts';
