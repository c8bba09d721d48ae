export type { CreateOrgOptions } from './create-org.ts';
export { createOrg, slugify } from './create-org.ts';
export { findOrg, getOrg, getOrgById } from './get-org.ts';
export { getOrgSettings } from './get-org-settings.ts';
export {
  isTimeZone,
  ORG_LOCALES,
  type TOrgSettingsDto,
  type TUpdateOrgSettingsRequest,
  ZOrgSettingsDto,
  ZUpdateOrgSettingsRequest,
} from './orgs.schemas.ts';
export type { Org } from './orgs.types.ts';
export { updateOrgSettings } from './update-org-settings.ts';
