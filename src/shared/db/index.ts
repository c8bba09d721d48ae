export * from './connection.ts';
export * from './copy-rows.ts';
export * from './copy-text.ts';
export type { DB } from './database.types.ts';
export * from './ids.ts';
export * from './migrate.ts';
export * from './scope.ts';
