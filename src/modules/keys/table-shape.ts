import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../shared/db/index.ts';

/** A table's columns and their SQL types, as the catalogue has them. */
export type TableShape = { table: string; types: ReadonlyMap<string, string> };

/** Null when the table does not exist (yet): a registered field whose module is not installed. */
export async function tableShapeOf(db: DbOrTx, table: string): Promise<TableShape | null> {
  const res = await sql<{ name: string; type: string }>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a
    where a.attrelid = to_regclass(${table}) and a.attnum > 0 and not a.attisdropped`.execute(db);
  if (res.rows.length === 0) return null;
  return { table, types: new Map(res.rows.map((r) => [r.name, r.type])) };
}

export function hasColumns(shape: TableShape, columns: readonly (string | null)[]): boolean {
  return columns.every((c) => c === null || shape.types.has(c));
}

/** A parameter cast to the column's type (the type comes from the catalogue, not from input). */
export function typed(shape: TableShape, column: string, value: unknown): RawBuilder<unknown> {
  return sql`${value}::${sql.raw(shape.types.get(column) ?? 'text')}`;
}

/**
 * One statement for a batch: `update t set c = v.c ... from (values ...) v where t.k = v.k`.
 * Each row gives the key columns' values, then the set columns'.
 */
export async function updateByKey(
  db: DbOrTx,
  shape: TableShape,
  keyColumns: readonly string[],
  setColumns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...keyColumns, ...setColumns];
  const values = rows.map((r) => sql`(${sql.join(columns.map((c, i) => typed(shape, c, r[i])))})`);
  const v = (c: string) => sql.ref(`v.${c}`);
  const t = (c: string) => sql.ref(`t.${c}`);
  await sql`update ${sql.table(shape.table)} as t
    set ${sql.join(setColumns.map((c) => sql`${sql.ref(c)} = ${v(c)}`))}
    from (values ${sql.join(values)}) as v (${sql.join(columns.map((c) => sql.ref(c)))})
    where ${sql.join(
      keyColumns.map((c) => sql`${t(c)} = ${v(c)}`),
      sql` and `,
    )}`.execute(db);
}
