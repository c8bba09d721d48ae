import { type RawBuilder, sql } from 'kysely';
import { currencyExponent, knownCurrencies } from '../../../shared/money/index.ts';

/**
 * The base-currency value of `amountMinor` (minor units of the document currency `alias.currency`)
 * at the document's own rate, rounded half-up to the base minor unit: exactly what `convert` gives,
 * so a fully open invoice counts at its base total. Amounts here are never negative, where SQL's
 * round (half away from zero) is half-up.
 */
export function baseValue(alias: string, amountMinor: RawBuilder<unknown>, base: string): RawBuilder<bigint> {
  const baseExp = currencyExponent(base);
  const shifted = knownCurrencies().filter((c) => currencyExponent(c) !== baseExp);
  const cur = sql.ref(`${alias}.currency`);
  // 10^(base exponent - document exponent), as an exact numeric literal
  const factor = shifted.length
    ? sql`case ${cur} ${sql.join(
        shifted.map((c) => sql`when ${sql.lit(c)} then ${sql.raw(power(baseExp - currencyExponent(c)))}`),
        sql` `,
      )} else 1 end`
    : sql`1`;
  return sql<bigint>`round(${amountMinor}::numeric * ${sql.ref(`${alias}.fx_rate`)} * ${factor})::int8`;
}

function power(exp: number): string {
  return exp >= 0 ? `1${'0'.repeat(exp)}` : `0.${'0'.repeat(-exp - 1)}1`;
}
