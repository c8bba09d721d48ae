import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

export type Machine = {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  postgres: string;
  pglite: string;
  os: string;
  /** 1-minute load average when the benchmark started: other work on the machine skews every figure. */
  load: string;
};

/** What the figures were measured on: they mean nothing without it. */
export async function machineDetails(
  options: { pgUrl?: string; pgliteServerVersion?: string } = {},
): Promise<Machine> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    postgres: options.pgUrl ? await postgresVersion(options.pgUrl) : 'not used',
    pglite: `${packageVersion('@electric-sql/pglite')}${options.pgliteServerVersion ? ` (PostgreSQL ${options.pgliteServerVersion})` : ''}`,
    os: `${osName()} (${os.type()} ${os.release()}, ${os.arch()})`,
    load: loadNow(),
  };
}

export function machineLines(m: Machine): string[] {
  return [
    `CPU:        ${m.cpu}, ${m.cores} cores`,
    `Memory:     ${m.memory}`,
    `Node:       ${m.node}`,
    `PostgreSQL: ${m.postgres}`,
    `PGlite:     ${m.pglite}`,
    `OS:         ${m.os}`,
    `Load:       ${m.load}`,
  ];
}

export function loadNow(): string {
  const [one, five] = os.loadavg();
  return `${(one ?? 0).toFixed(2)} (1 min), ${(five ?? 0).toFixed(2)} (5 min) on ${os.cpus().length} cores`;
}

/** A warning when something else keeps the CPUs busy, so nobody trusts the figures by mistake. */
export function busyWarning(): string | null {
  const [one] = os.loadavg();
  const cores = os.cpus().length;
  return (one ?? 0) > cores * 0.5
    ? `Warning: load average ${(one ?? 0).toFixed(2)} on ${cores} cores: other processes share the CPU, so the figures are noisy.`
    : null;
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const version = await client.query<{ server_version: string }>('show server_version');
    const settings = await client.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from pg_settings
       where name in ('shared_buffers', 'max_wal_size', 'synchronous_commit', 'autovacuum') order by name`,
    );
    const shown = settings.rows.map((r) => `${r.name} ${r.setting}`).join(', ');
    return `${version.rows[0]?.server_version ?? 'unknown'}; ${shown}`;
  } catch (e) {
    return `unreachable (${(e as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function packageVersion(name: string): string {
  try {
    const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(text)?.[1] ?? os.type();
  } catch {
    return os.type();
  }
}
