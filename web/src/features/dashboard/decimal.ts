/**
 * Exact arithmetic on the API's decimal strings (sums and differences of money on the client),
 * on BigInt at a fixed scale wide enough for every currency's minor unit.
 */
const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);

export function toScaled(amount: string | null | undefined): bigint {
  if (!amount) return 0n;
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(amount.trim());
  if (!m) return 0n;
  const whole = BigInt(m[2] || '0');
  const frac = BigInt(((m[3] ?? '') + '0'.repeat(SCALE)).slice(0, SCALE));
  const value = whole * FACTOR + frac;
  return m[1] === '-' ? -value : value;
}

export function fromScaled(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / FACTOR;
  const frac = (abs % FACTOR).toString().padStart(SCALE, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

export function sumDecimals(amounts: readonly (string | null | undefined)[]): string {
  return fromScaled(amounts.reduce((acc, a) => acc + toScaled(a), 0n));
}

export function subtractDecimals(a: string, b: string): string {
  return fromScaled(toScaled(a) - toScaled(b));
}

/** part / whole as a ratio (for display only), or null when the whole is zero. */
export function ratioOf(part: string, whole: string): number | null {
  const w = toScaled(whole);
  if (w === 0n) return null;
  return Number((toScaled(part) * 1_000_000n) / w) / 1_000_000;
}

/** A decimal as a chart coordinate: charts draw floats, nothing is computed from them. */
export function chartValue(amount: string | null | undefined): number {
  return amount ? Number(amount) : 0;
}

export function isZero(amount: string | null | undefined): boolean {
  return toScaled(amount) === 0n;
}
