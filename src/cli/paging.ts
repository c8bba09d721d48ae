import type { Page } from '../shared/pagination/index.ts';

/** One page, or with `--all` every page by following `next_cursor` (returned with a null cursor). */
export async function fetchPages<T>(
  isAll: boolean,
  fetch: (cursor: string | undefined) => Promise<Page<T>>,
  firstCursor?: string,
): Promise<Page<T>> {
  const first = await fetch(firstCursor);
  if (!isAll) return first;
  const items = [...first.items];
  let cursor = first.next_cursor;
  while (cursor) {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.next_cursor;
  }
  return { items, next_cursor: null };
}

export function pageFooter(page: Page<unknown>, noun: string): string {
  const shown = `${page.items.length} ${noun}`;
  return page.next_cursor ? `${shown} shown; more with --all or --cursor ${page.next_cursor}` : shown;
}
