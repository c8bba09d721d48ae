export * from './convert-slice.ts';
export * from './currencies.ts';
export * from './dto.ts';
export * from './money.ts';
