const CANDIDATES = [',', '\t', ';'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

const SAMPLE_LINES = 30;

/**
 * Picks the delimiter that splits the opening lines most consistently: for each candidate, the
 * most common non-zero per-line count, weighted by how many lines share it. Title lines above the
 * header (no delimiters, or a different count) then do not sway the choice. Quoted text is ignored.
 */
export function detectDelimiter(text: string, fallback: Delimiter = ','): Delimiter {
  const lines = sampleLines(text);
  let best: Delimiter = fallback;
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const score = consistencyScore(lines.map((l) => countOutsideQuotes(l, candidate)));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function sampleLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < SAMPLE_LINES && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line.trim().length > 0) lines.push(line);
    start = end + 1;
  }
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let isQuoted = false;
  for (const ch of line) {
    if (ch === '"') isQuoted = !isQuoted;
    else if (ch === delimiter && !isQuoted) count += 1;
  }
  return count;
}

function consistencyScore(counts: number[]): number {
  const frequency = new Map<number, number>();
  for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  let score = 0;
  for (const [count, lines] of frequency) score = Math.max(score, lines * 1000 + count);
  return score;
}
