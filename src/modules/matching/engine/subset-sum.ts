/**
 * Which of a customer's open invoices (oldest first, at most `bound` of them) one payment covers:
 * meet-in-the-middle over the two halves (2^(n/2) sums each), so 20 invoices cost ~2,000 sums,
 * not a million. Amounts are safe-integer minor units.
 */
export type SubsetResult = {
  /** Indices into the amounts given, ascending (oldest first). */
  indices: number[];
  /** Sum of the chosen amounts minus the target: 0 when exact, up to the slack when short-paid. */
  excess: number;
  /** How many distinct subsets fit equally well (exact, or within slack): > 1 means ambiguous. */
  solutions: number;
};

type HalfSums = { sums: Float64Array; masks: Uint32Array };

/** All subset sums of amounts[from..to), ascending, built by merging (no sort): 2^n steps, two buffers. */
function halfSums(
  amounts: readonly number[],
  positions: readonly number[],
  from: number,
  to: number,
): HalfSums {
  const size = 1 << (to - from);
  let sums = new Float64Array(size);
  let masks = new Uint32Array(size);
  let nextSums = new Float64Array(size);
  let nextMasks = new Uint32Array(size);
  let n = 1;
  for (let k = from; k < to; k++) {
    const v = amounts[positions[k] ?? 0] ?? 0;
    const bit = 1 << (k - from);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < n || j < n) {
      const a = i < n ? (sums[i] ?? 0) : Number.POSITIVE_INFINITY;
      const b = j < n ? (sums[j] ?? 0) + v : Number.POSITIVE_INFINITY;
      if (a <= b) {
        nextSums[o] = a;
        nextMasks[o++] = masks[i++] ?? 0;
      } else {
        nextSums[o] = b;
        nextMasks[o++] = (masks[j++] ?? 0) | bit;
      }
    }
    [sums, nextSums] = [nextSums, sums];
    [masks, nextMasks] = [nextMasks, masks];
    n *= 2;
  }
  return { sums, masks };
}

function lowerBound(sums: Float64Array, value: number): number {
  let lo = 0;
  let hi = sums.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sums[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Older invoices first: the lower the sum of positions, the older the combination. */
function ageKey(maskA: number, maskB: number, half: number): number {
  let key = 0;
  for (let m = maskA; m !== 0; m &= m - 1) key += 31 - Math.clz32(m & -m);
  for (let m = maskB; m !== 0; m &= m - 1) key += half + 31 - Math.clz32(m & -m);
  return key;
}

/**
 * Finds a subset of at least `minItems` amounts whose sum lies in [target, target + slack],
 * preferring an exact sum, then the smallest excess, then the oldest invoices, then fewer of them.
 */
export function findSubset(
  amounts: readonly number[],
  target: number,
  slack: number,
  bound: number,
  minItems = 2,
): SubsetResult | null {
  if (target <= 0) return null;
  // Only invoices no larger than the payment can be part of it; the oldest `bound` of those.
  const positions: number[] = [];
  let total = 0;
  for (let i = 0; i < amounts.length && positions.length < Math.min(bound, 30); i++) {
    const a = amounts[i] ?? 0;
    if (a > 0 && a <= target + slack) {
      positions.push(i);
      total += a;
    }
  }
  const n = positions.length;
  if (n < minItems || total < target) return null;
  const half = n >> 1;
  const left = halfSums(amounts, positions, 0, half);
  const right = halfSums(amounts, positions, half, n);
  let best: { a: number; b: number; excess: number; age: number; count: number } | null = null;
  let solutions = 0;
  for (let i = 0; i < left.sums.length; i++) {
    const s = left.sums[i] ?? 0;
    if (s > target + slack) break;
    for (let j = lowerBound(right.sums, target - s); j < right.sums.length; j++) {
      const total = s + (right.sums[j] ?? 0);
      if (total > target + slack) break;
      const a = left.masks[i] ?? 0;
      const b = right.masks[j] ?? 0;
      const count = bitCount(a) + bitCount(b);
      if (count < minItems) continue;
      const excess = total - target;
      const age = ageKey(a, b, half);
      if (best === null || excess < best.excess) solutions = 1;
      else if (excess === best.excess) solutions++;
      if (
        best === null ||
        excess < best.excess ||
        (excess === best.excess && (age < best.age || (age === best.age && count < best.count)))
      ) {
        best = { a, b, excess, age, count };
      }
    }
  }
  if (best === null) return null;
  const indices: number[] = [];
  for (let k = 0; k < half; k++) if (best.a & (1 << k)) indices.push(positions[k] ?? 0);
  for (let k = 0; k < n - half; k++) if (best.b & (1 << k)) indices.push(positions[half + k] ?? 0);
  return { indices, excess: best.excess, solutions };
}
