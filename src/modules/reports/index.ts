export * from './aging/index.ts';
