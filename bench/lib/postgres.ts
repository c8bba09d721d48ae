import pg from 'pg';

export const DEFAULT_PG_URL = 'postgresql://postgres@127.0.0.1:5432/test';

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops (if there) and creates a database named settle_bench_*; returns its URL. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^settle_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to recreate database "${name}"`);
  await admin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^settle_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop database "${name}"`);
  await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
}
