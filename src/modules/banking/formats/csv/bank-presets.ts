import type { BankPreset } from './bank-preset.types.ts';
import { CN_BANK_PRESETS } from './presets-chinese-banks.ts';
import { GENERIC_PRESETS } from './presets-generic.ts';
import { WALLET_PRESETS } from './presets-wallets.ts';

/** Every preset, most specific first: on an equal fit the earlier one is chosen. */
export const BANK_PRESETS: readonly BankPreset[] = [
  ...CN_BANK_PRESETS,
  ...WALLET_PRESETS,
  ...GENERIC_PRESETS,
];

export function findPreset(id: string): BankPreset | null {
  return BANK_PRESETS.find((p) => p.id === id) ?? null;
}
