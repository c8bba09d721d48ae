/**
 * `text.trim()` for a cell, skipping the builtin call when both ends are printable ASCII (nearly
 * every cell of a big file). Anything else, including full-width and no-break spaces, goes through
 * trim().
 */
export function trimCell(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return text;
  return text.trim();
}
