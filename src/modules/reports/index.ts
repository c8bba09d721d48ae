export * from './aging/index.ts';
export * from './customer-overview/index.ts';
export * from './exports/index.ts';
export * from './kpis/index.ts';
export * from './statements/index.ts';
