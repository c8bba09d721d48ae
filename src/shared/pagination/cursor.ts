import { AppError } from '../errors/index.ts';

/** Opaque keyset cursor: the sort value and id of the last row of a page. */
export type Cursor = { v: string | number | null; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const v = parsed[0];
      if (v === null || typeof v === 'string' || typeof v === 'number') return { v, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', { message: 'invalid cursor', details: { field: 'cursor' } });
}

export type Page<T> = { items: T[]; next_cursor: string | null };

/** Splits a fetched `limit + 1` rows into a page and the cursor of the next one. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (r: R) => Cursor,
  map: (r: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(map), next_cursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}
