import type { NormalisedName } from './payer-name.ts';

/**
 * Two company names compared on their cores; when only one of them names its city (上海宏达机械
 * vs 宏达机械), on what follows the city. Two different cities keep the cities in the comparison:
 * 上海宏达 and 深圳宏达 are different customers.
 */
export function payerNameSimilarity(
  a: Pick<NormalisedName, 'core' | 'bare'>,
  b: Pick<NormalisedName, 'core' | 'bare'>,
): number {
  const aHasRegion = a.bare !== a.core;
  const bHasRegion = b.bare !== b.core;
  return aHasRegion === bHasRegion ? nameSimilarity(a.core, b.core) : nameSimilarity(a.bare, b.bare);
}

/**
 * Similarity of two normalised name cores in [0, 1]: bigram Dice (order and typo tolerant on long
 * names) blended with Jaro-Winkler (kind to short names and to typos near the end).
 */
export function nameSimilarity(a: string, b: string): number {
  const x = a.replace(/ /g, '');
  const y = b.replace(/ /g, '');
  if (x.length === 0 || y.length === 0) return 0;
  if (x === y) return 1;
  return 0.6 * bigramDice(x, y) + 0.4 * jaroWinkler(x, y);
}

/** Dice coefficient over character bigrams (as multisets), without allocating per bigram. */
export function bigramDice(x: string, y: string): number {
  if (x.length < 2 || y.length < 2) return x === y ? 1 : 0;
  const n = x.length - 1;
  const m = y.length - 1;
  const used = new Uint8Array(m);
  let shared = 0;
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i);
    const b = x.charCodeAt(i + 1);
    for (let j = 0; j < m; j++) {
      if (used[j] === 0 && y.charCodeAt(j) === a && y.charCodeAt(j + 1) === b) {
        used[j] = 1;
        shared++;
        break;
      }
    }
  }
  return (2 * shared) / (n + m);
}

export function jaroWinkler(x: string, y: string): number {
  const window = Math.max(0, Math.floor(Math.max(x.length, y.length) / 2) - 1);
  const xMatched = new Uint8Array(x.length);
  const yMatched = new Uint8Array(y.length);
  let matches = 0;
  for (let i = 0; i < x.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(y.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (yMatched[j] || x[i] !== y[j]) continue;
      xMatched[i] = 1;
      yMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < x.length; i++) {
    if (!xMatched[i]) continue;
    while (!yMatched[j]) j++;
    if (x[i] !== y[j]) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / x.length + m / y.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
