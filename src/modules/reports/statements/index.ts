export type { BuildStatementInput } from './build-statement.ts';
export { buildStatement } from './build-statement.ts';
export * from './statements.schemas.ts';
