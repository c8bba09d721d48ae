import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { fixedClock } from '../../src/shared/time/index.ts';
import { callerWith, type TestCaller } from '../support/auth.ts';
import { seedOrg } from '../support/factories.ts';

export const TODAY = '2025-06-30';

export type Harness = {
  app: FastifyInstance;
  /** The org the app serves, for seeding through the use cases directly. */
  ctx: Ctx;
  /** The admin every call is made as (an API token). */
  admin: TestCaller;
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
  get<T = unknown>(url: string): Promise<{ status: number; body: T }>;
  post<T = unknown>(url: string, payload?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
};

/** An org of its own in the given database and an app serving it, with the clock at TODAY. */
export async function openHarness(database: Database): Promise<Harness> {
  const ctx = await seedOrg(database, { today: TODAY });
  const app = await buildApp({
    database,
    orgSlug: ctx.org.slug,
    clock: fixedClock(TODAY as never),
  });
  const admin = await callerWith(ctx, ['admin']);
  const call = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...admin.headers, ...(options.headers ?? {}) } });
  const json = async <T>(options: InjectOptions) => {
    const res = await call(options);
    return { status: res.statusCode, body: (res.body ? res.json() : undefined) as T };
  };
  return {
    app,
    ctx,
    admin,
    call,
    get: (url) => json({ method: 'GET', url }),
    post: (url, payload) =>
      json({
        method: 'POST',
        url,
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
    close: () => app.close(),
  };
}

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };
export type Page<T> = { items: T[]; next_cursor: string | null };

/** Follows `next_cursor` until the last page; returns every page. */
export async function allPages<T>(h: Harness, url: string, maxPages = 50): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res: { status: number; body: Page<T> } = await h.get<Page<T>>(
      cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url,
    );
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    pages.push(res.body);
    cursor = res.body.next_cursor;
  } while (cursor && pages.length < maxPages);
  return pages;
}
