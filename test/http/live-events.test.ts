import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '../../src/modules/customers/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { callerWith } from '../support/auth.ts';
import { seedOrg } from '../support/factories.ts';
import { type Harness, openHarness } from './http-harness.ts';

type Stream = {
  events: { event: string; data: unknown }[];
  waitFor(event: string, test?: (data: unknown) => boolean): Promise<unknown>;
  close(): void;
};

/** Reads a text/event-stream over a real socket (inject cannot stream), parsing events as they come. */
async function openStream(url: string, headers: Record<string, string>): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { ...headers, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: { event: string; data: unknown }[] = [];
  const waiters: (() => void)[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          for (const w of waiters.splice(0)) w();
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (event: string, test: (data: unknown) => boolean = () => true) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = events.find((e) => e.event === event && test(e.data));
      if (found) return found.data;
      if (Date.now() > deadline) throw new Error(`no ${event} event; got ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { events, waitFor, close: () => controller.abort() };
}

const touches = (table: string) => (data: unknown) => (data as { tables: string[] }).tables.includes(table);

describe.each(openTestDatabases())('live updates on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await h.close();
    await database.close();
  });

  it('tells a signed-in listener which tables of its org changed, after commit', async () => {
    const stream = await openStream(`${base}/api/events`, h.admin.headers);
    try {
      await stream.waitFor('ready');
      const res = await h.post('/api/customers', { code: 'LIVE-1', name: 'Live Customer Ltd' });
      expect(res.status).toBe(201);
      expect(await stream.waitFor('change', touches('customers'))).toMatchObject({
        tables: expect.arrayContaining(['customers']),
      });
    } finally {
      stream.close();
    }
  });

  it('a rolled-back write sends nothing', async () => {
    const stream = await openStream(`${base}/api/events`, h.admin.headers);
    try {
      await stream.waitFor('ready');
      await expect(
        h.ctx.db.transaction().execute(async (trx) => {
          await trx.updateTable('customers').set({ name: 'Rolled Back' }).execute();
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // A later committed write proves the stream works; the rolled-back one must not have arrived first.
      await h.post('/api/customers', { code: 'LIVE-2', name: 'After Rollback' });
      await stream.waitFor('change', touches('customers'));
      expect(stream.events.filter((e) => e.event === 'change')).toHaveLength(1);
    } finally {
      stream.close();
    }
  });

  it("never tells one org about another org's changes", async () => {
    const other = await seedOrg(database);
    const outsider = await callerWith(other, ['admin']);
    const theirs = await openStream(`${base}/api/events`, outsider.headers);
    const ours = await openStream(`${base}/api/events`, h.admin.headers);
    try {
      await theirs.waitFor('ready');
      await ours.waitFor('ready');
      await h.post('/api/customers', { code: 'LIVE-3', name: 'Only Ours' });
      await ours.waitFor('change', touches('customers'));
      // Their org writes last: once its event arrives, ours would have arrived before it.
      await createCustomer(other, { code: 'THEIRS-1', name: 'Theirs' });
      await theirs.waitFor('change', touches('customers'));
      expect(theirs.events.filter((e) => e.event === 'change')).toHaveLength(1);
    } finally {
      theirs.close();
      ours.close();
    }
  });

  it('refuses strangers', async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
  });
});
