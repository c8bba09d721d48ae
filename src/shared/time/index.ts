export * from './business-date.ts';
export * from './clock.ts';
