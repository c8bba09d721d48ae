import { normaliseBankHeader } from './match-header.ts';

export type Direction = 'in' | 'out' | 'neutral';

const IN = new Set(['收入', '收', '贷', 'cr', 'credit', '入账', '存入', 'haben']);
const OUT = new Set(['支出', '支', '借', 'dr', 'debit', '出账', '支取', 'soll']);
/** Alipay 不计收支 and WeChat "/" (中性交易): moves between the user's own balances. */
const NEUTRAL = new Set(['不计收支', '中性交易', '中性', '/']);

/** Reads a direction cell ("收入", "贷 Cr", "借 Dr", "/"); null when it is none of those. */
export function readDirection(raw: string): Direction | null {
  const text = raw.trim();
  if (NEUTRAL.has(text)) return 'neutral';
  const tokens = text.split(/\s+/u).map(normaliseBankHeader);
  const isIn = tokens.some((t) => IN.has(t));
  const isOut = tokens.some((t) => OUT.has(t));
  if (isIn === isOut) return null;
  return isIn ? 'in' : 'out';
}
