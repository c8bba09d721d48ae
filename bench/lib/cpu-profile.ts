import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

/**
 * V8's sampling profiler around one piece of work (the same profile `node --cpu-prof` writes, but
 * only of that work, not of data generation or the baseline). Open the .cpuprofile in Chrome
 * DevTools or speedscope for the flame graph.
 */
type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

/** Starts sampling now; the returned function stops, writes the .cpuprofile and returns it. */
export async function startProfiler(): Promise<(file: string) => Promise<CpuProfile>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    return profile;
  };
}

export async function profiled<T>(
  file: string,
  work: () => Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
  const stop = await startProfiler();
  let result: T;
  try {
    result = await work();
  } catch (e) {
    await stop(file);
    throw e;
  }
  return { result, profile: await stop(file) };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where a function lives: a path in this repository, a package, or a V8 pseudo-frame. */
export function whereOf(frame: CallFrame): string {
  if (frame.url.startsWith('wasm://')) return 'PostgreSQL in WebAssembly (PGlite)';
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  let path = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  if (path.startsWith(ROOT)) path = path.slice(ROOT.length);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return pkg ? `${pkg[1]} (package)` : path;
}

export type SelfTime = { name: string; where: string; ms: number; share: number };

/** Self time per node, leaving out the profiler's own work (serialising the profile when it stops). */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const ignored = new Set<number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ignore = (id: number) => {
    ignored.add(id);
    for (const child of byId.get(id)?.children ?? []) ignore(child);
  };
  for (const n of profile.nodes) if (n.callFrame.url === 'node:inspector' && !ignored.has(n.id)) ignore(n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    if (ignored.has(id)) continue;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return self;
}

/** The functions that spent the most time themselves (not in callees), and the files they are in. */
export function summarizeProfile(
  profile: CpuProfile,
  top = 15,
): { functions: SelfTime[]; files: SelfTime[]; totalMs: number } {
  const self = selfTimes(profile);
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, SelfTime>();
  const byFile = new Map<string, SelfTime>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const where = whereOf(node.callFrame);
    const name = node.callFrame.functionName || '(anonymous)';
    const f = byFunction.get(`${name}@${where}`) ?? { name, where, ms: 0, share: 0 };
    f.ms += ms;
    byFunction.set(`${name}@${where}`, f);
    const g = byFile.get(where) ?? { name: where, where, ms: 0, share: 0 };
    g.ms += ms;
    byFile.set(where, g);
  }
  const rank = (m: Map<string, SelfTime>) =>
    [...m.values()]
      .map((x) => ({ ...x, share: totalMs > 0 ? x.ms / totalMs : 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return { functions: rank(byFunction), files: rank(byFile), totalMs };
}

/** Time under each named function, callees included, counted once even when it recurses. */
export function inclusiveTimes(profile: CpuProfile, names: readonly string[]): Map<string, number> {
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>(names.map((n) => [n, 0]));
  const referenced = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const visit = (id: number, open: ReadonlySet<string>) => {
    const node = byId.get(id);
    if (!node) return;
    const name = node.callFrame.functionName;
    const inside = out.has(name) && !open.has(name) ? new Set([...open, name]) : open;
    const ms = self.get(id) ?? 0;
    for (const n of inside) out.set(n, (out.get(n) ?? 0) + ms);
    for (const child of node.children ?? []) visit(child, inside);
  };
  for (const n of profile.nodes) if (!referenced.has(n.id)) visit(n.id, new Set());
  return out;
}
