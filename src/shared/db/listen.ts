import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Unlisten = () => Promise<void>;
export type NotificationHandler = (payload: string) => void;

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
}

/**
 * LISTEN on PostgreSQL through a connection of its own (a pooled one would lose the subscription
 * when returned). A dropped connection is reopened with a growing pause; notifications sent while
 * it was down are lost, so the handler is told with an empty payload ("something may have changed").
 */
export function listenPostgres(
  url: string,
  channel: string,
  handler: NotificationHandler,
): Promise<Unlisten> {
  checkChannel(channel);
  let client: pg.Client | null = null;
  let stopped = false;
  let pause = 250;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined);
    c.on('notification', (n) => {
      if (n.channel === channel) handler(n.payload ?? '');
    });
    c.on('end', () => {
      if (client === c) client = null;
      if (!stopped) schedule();
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    pause = 250;
    if (isReconnect) handler('');
  };
  const schedule = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      connect(true).catch(() => {
        pause = Math.min(pause * 2, 10_000);
        schedule();
      });
    }, pause);
    timer.unref();
  };

  return connect(false).then(() => async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  });
}

/** LISTEN on PGlite: notifications arrive on the one connection after each statement it runs. */
export async function listenPglite(
  client: PGlite,
  channel: string,
  handler: NotificationHandler,
): Promise<Unlisten> {
  checkChannel(channel);
  const stop = await client.listen(channel, (payload) => handler(payload));
  return () => stop();
}
