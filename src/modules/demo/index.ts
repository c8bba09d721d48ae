export type { DemoCounts } from './demo.types.ts';
export { seedDemo, type TSeedDemoOptions, type TSeedDemoResult, ZSeedDemoOptions } from './seed-demo.ts';
