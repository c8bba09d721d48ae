#!/usr/bin/env node
// Builds the web app (web/ -> web/dist) when its sources changed since the last build. `npm start`
// runs it first, so a fresh clone serves the app; the browser tests call it too.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'web');
const distDir = join(webDir, 'dist');
const stampFile = join(distDir, '.build-hash');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** What the build depends on: the web sources, the server code they import, the locked packages. */
export function sourceHash() {
  const hash = createHash('sha256');
  const inputs = [...files(webDir), ...files(join(root, 'src')), join(root, 'package-lock.json')]
    .filter((p) => !p.endsWith('.test.ts'))
    .sort();
  for (const path of inputs) {
    hash.update(relative(root, path));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function isWebBuildFresh() {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === sourceHash();
}

/** Builds unless fresh; one build at a time across processes (a lock directory). */
export async function ensureWebBuild({ quiet = false } = {}) {
  if (isWebBuildFresh()) return false;
  const lock = join(root, 'web', '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process is building; a lock older than 10 minutes is left over from a crash.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (isWebBuildFresh()) return false;
    const hash = sourceHash();
    const { build } = await import('vite');
    if (!quiet) console.error('building the web app (web/dist)…');
    await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
    writeFileSync(stampFile, `${hash}\n`);
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  if (force) rmSync(stampFile, { force: true });
  ensureWebBuild().then(
    (built) => {
      if (!built) console.error('web app is up to date (web/dist)');
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
