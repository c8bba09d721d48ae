import { type RawBuilder, sql } from 'kysely';
import { UUID_PATTERN } from '../../shared/db/index.ts';
import type { BusinessDate } from '../../shared/time/index.ts';

/**
 * As-of semantics in SQL: a document, allocation or reversal dated after `asOf` does not exist.
 * `live(alias, type, dateColumn)` keeps the rows of `alias` dated on or before asOf and not
 * reversed on or before it.
 */
export function live(
  alias: string,
  targetType: string,
  dateColumn: string,
  asOf: BusinessDate,
): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.${dateColumn}`)} <= ${asOf} and not exists (
    select 1 from reversals r where r.org_id = ${sql.ref(`${alias}.org_id`)} and r.target_type = ${targetType}
      and r.target_id = ${sql.ref(`${alias}.id`)} and r.reversal_date <= ${asOf})`;
}

/**
 * Documents are named by id or by number (the API speaks ids, people and imports numbers): the
 * condition that finds one, over `alias` (or unqualified columns when alias is null).
 */
export function documentKey(alias: string | null, idOrNumber: string): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  return UUID_PATTERN.test(idOrNumber)
    ? sql<boolean>`(${col('id')} = ${idOrNumber} or ${col('number')} = ${idOrNumber})`
    : sql<boolean>`${col('number')} = ${idOrNumber}`;
}
