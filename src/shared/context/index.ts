export type { Ctx, OrgRef } from './context.ts';
