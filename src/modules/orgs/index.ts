export type { CreateOrgOptions } from './create-org.ts';
export { createOrg, slugify } from './create-org.ts';
export { findOrg, getOrg, getOrgById } from './get-org.ts';
export type { Org } from './orgs.types.ts';
