import { createReadStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { freshPglite } from './pglite.ts';

/** The CSV's columns as plain types, no keys or indexes: what COPY alone costs. */
const BARE_TABLE = `create table bare (
  customer_code text, customer_name text, invoice_number text, issue_date date, due_date date,
  currency text, amount numeric(20, 2), tax_amount numeric(20, 2), po_number text, salesperson text,
  payment_terms_days int4, fx_rate numeric(18, 8))`;
const COPY_CSV = 'copy bare from stdin with (format csv, header true)';

/** Milliseconds to stream the file into the bare table with COPY. */
export async function rawCopyPostgres(url: string, path: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(BARE_TABLE);
    const t0 = performance.now();
    const copy = client.query(copyFrom(COPY_CSV));
    await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), copy);
    const ms = performance.now() - t0;
    await expectRows(Number((await client.query('select count(*) as n from bare')).rows[0].n), copy.rowCount);
    return ms;
  } finally {
    await client.end();
  }
}

/** The same on PGlite: the file handed over as a blob, as Settle's PGlite driver does for COPY. */
export async function rawCopyPglite(path: string): Promise<number> {
  const scratch = freshPglite('raw');
  const db = new PGlite(scratch.dir);
  try {
    await db.waitReady;
    await db.exec(BARE_TABLE);
    const t0 = performance.now();
    const blob = new Blob([readFileSync(path)]);
    const res = await db.query(COPY_CSV.replace('stdin', "'/dev/blob'"), [], { blob });
    const ms = performance.now() - t0;
    const n = await db.query<{ n: number }>('select count(*)::int4 as n from bare');
    await expectRows(n.rows[0]?.n ?? 0, res.affectedRows ?? 0);
    return ms;
  } finally {
    await db.close();
    scratch.remove();
  }
}

async function expectRows(counted: number, copied: number): Promise<void> {
  if (counted !== copied || counted === 0)
    throw new Error(`raw COPY loaded ${counted} rows, reported ${copied}`);
}
