import type { Database } from '../../shared/db/index.ts';

export const CHANGE_CHANNEL = 'settle_changes';
/** Notifications of one org within this window reach its screens as one event. */
const COALESCE_MS = 100;

export type ChangeEvent = { tables: string[] };
type Subscriber = (event: ChangeEvent) => void;

/**
 * Fans the database's change notifications out to the open event streams of each org. One LISTEN
 * per process, opened with the first subscriber; a lost connection is reported as a change of
 * every table (`tables: ['*']`) so screens refetch rather than go stale.
 */
export class ChangeFeed {
  private readonly byOrg = new Map<string, Set<Subscriber>>();
  private readonly pending = new Map<string, Set<string>>();
  private unlisten: Promise<() => Promise<void>> | null = null;

  constructor(private readonly database: Database) {}

  async subscribe(orgId: string, subscriber: Subscriber): Promise<() => void> {
    let set = this.byOrg.get(orgId);
    if (!set) {
      set = new Set();
      this.byOrg.set(orgId, set);
    }
    set.add(subscriber);
    try {
      await this.start();
    } catch (e) {
      set.delete(subscriber);
      throw e;
    }
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.byOrg.delete(orgId);
    };
  }

  async close(): Promise<void> {
    const stop = this.unlisten;
    this.unlisten = null;
    this.byOrg.clear();
    if (stop) await (await stop)();
  }

  private start(): Promise<unknown> {
    if (!this.unlisten) {
      this.unlisten = this.database.listen(CHANGE_CHANNEL, (payload) => this.receive(payload));
      this.unlisten.catch(() => {
        this.unlisten = null;
      });
    }
    return this.unlisten;
  }

  private receive(payload: string): void {
    if (payload === '') {
      for (const org of this.byOrg.keys()) this.queue(org, '*');
      return;
    }
    let parsed: { org?: unknown; table?: unknown };
    try {
      parsed = JSON.parse(payload) as { org?: unknown; table?: unknown };
    } catch {
      return;
    }
    if (typeof parsed.org !== 'string' || typeof parsed.table !== 'string') return;
    if (this.byOrg.has(parsed.org)) this.queue(parsed.org, parsed.table);
  }

  private queue(org: string, table: string): void {
    const existing = this.pending.get(org);
    if (existing) {
      existing.add(table);
      return;
    }
    this.pending.set(org, new Set([table]));
    setTimeout(() => this.flush(org), COALESCE_MS).unref();
  }

  private flush(org: string): void {
    const tables = this.pending.get(org);
    this.pending.delete(org);
    if (!tables) return;
    const event = { tables: [...tables].sort() };
    for (const subscriber of this.byOrg.get(org) ?? []) subscriber(event);
  }
}
