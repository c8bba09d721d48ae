export { addDataKeyVersion } from './add-data-key-version.ts';
export {
  computeBlindIndex,
  type IndexNormalisation,
  normalisationOf,
  normaliseForIndex,
} from './blind-index.ts';
export { asBuffer, keyVersionBytes, keyVersionOf, openField, sealField } from './field-envelope.ts';
export type { KeyPurpose } from './key-wrap.ts';
export { createKeyring, type Keyring, type KeyringOptions } from './keyring.ts';
export {
  defaultMasterKeyFile,
  loadMasterKeys,
  MASTER_KEY_FILE_NAME,
  type MasterKeyEnv,
} from './load-master-keys.ts';
export { addMasterKeyToFile, readMasterKeyFile } from './master-key-file.ts';
export {
  generateMasterKey,
  type MasterKeySource,
  type MasterKeys,
  masterKeyId,
  masterKeysForTests,
  masterKeysFrom,
} from './master-keys.ts';
export type { OrgKeySet } from './org-key-set.ts';
export { type OrgKeyRow, readOrgKeyRows } from './org-keys.repository.ts';
export { rewrapOrgKeys } from './rewrap-org-keys.ts';
