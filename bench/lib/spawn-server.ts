import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type ChildServer = {
  url: string;
  /** Headers to call it with (an API token, for the Settle server). */
  headers: Record<string, string>;
  pid: number;
  stop(): Promise<void>;
};

/** Starts a bench/lib/*-child.ts script under tsx in its own Node process and waits for `READY <url>`. */
export async function spawnServer(
  script: string,
  args: readonly string[],
  options: { nodeArgs?: readonly string[]; timeoutMs?: number } = {},
): Promise<ChildServer> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx/esm',
      fileURLToPath(new URL(script, import.meta.url)),
      ...args,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [url, token] = await new Promise<[string, string | undefined]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
    lines.on('line', (text) => {
      const m = /^READY (\S+)(?: (\S+))?/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve([m[1] as string, m[2]]);
      } else console.log(`  [${script}] ${text}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
  });
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return { url, headers, pid: child.pid ?? -1, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
