export { encryptLegacyFields } from './encrypt-legacy-fields.ts';
export { ENCRYPTED_FIELDS, type EncryptedField } from './encrypted-fields.ts';
export { getKeysStatus } from './get-keys-status.ts';
export type { TKeysStatus, TOrgKeyInfo, TOrgRotation, TRotateKeysResult } from './keys.types.ts';
export { type RotateKeysOptions, rotateKeys } from './rotate-keys.ts';
