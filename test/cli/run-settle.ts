import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, orgContext } from '../../src/bootstrap/open-app.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import { pgliteTemplateDir } from '../../src/shared/testing/test-templates.ts';

export const BIN = fileURLToPath(new URL('../../bin/settle.js', import.meta.url));

export type RunResult = { code: number; stdout: string; stderr: string; signal?: string | null };

/** Environment for the child: no DATABASE_URL unless asked, so --data-dir decides. */
function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, SETTLE_DEBUG: undefined };
  for (const [k, v] of Object.entries(extra)) env[k] = v;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env;
}

/** Runs `node bin/settle.js ...args` and resolves with its exit code and output, never rejects. */
export function runSettle(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: childEnv(env), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, signal: error?.signal ?? null });
      },
    );
  });
}

export function parseJson<T = unknown>(r: RunResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

/** A PGlite folder of its own, cloned from the migrated template when the test run made one. */
export function freshDataDir(): { dir: string; remove(): void } {
  // The data folder one level down: its master key file is created beside it, in the same parent.
  const parent = mkdtempSync(join(tmpdir(), 'settle-cli-'));
  const dir = join(parent, 'data');
  const template = pgliteTemplateDir();
  if (existsSync(template)) cpSync(template, dir, { recursive: true });
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** Seeds through the modules directly, between CLI runs (one PGlite process at a time). */
export async function withPgliteOrg<T>(dir: string, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  // Through openApp, so the keyring reads the same master key file as the CLI did.
  const { database, close } = await openApp({ kind: 'pglite', dataDir: dir }, { migrate: false });
  try {
    return await fn(await orgContext(database, undefined, { actor: 'test' }));
  } finally {
    await close();
  }
}

export type Started = { url: string; stdout: string; stop(signal?: NodeJS.Signals): Promise<RunResult> };

/** Starts a long-running command (serve/start) and resolves once it prints its first stdout line. */
export function startSettle(args: string[], env: Record<string, string | undefined> = {}): Promise<Started> {
  const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(env) });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<RunResult>((resolve) => {
    child.on('exit', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr, signal }),
    );
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line !== undefined) {
        const url = /https?:\/\/[^\s"]+/.exec(line)?.[0] ?? '';
        resolve({
          url,
          stdout: line,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((r) =>
      reject(new Error(`exited early (code ${r.code}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`)),
    );
  });
}
