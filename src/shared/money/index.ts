export * from './currencies.ts';
export * from './dto.ts';
export * from './money.ts';
