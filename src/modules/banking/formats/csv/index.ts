export type { BankField, BankPreset, HeaderMatch } from './bank-preset.types.ts';
export { BANK_PRESETS } from './bank-presets.ts';
export { looksBankTable } from './looks-bank-table.ts';
export { detectPreset } from './match-header.ts';
export { parseBankTable } from './parse-bank-table.ts';
