export * from './aging/index.ts';
export * from './exports/index.ts';
