import { describe, expect, it } from 'vitest';
import { parseCurrencyCell } from './parse-currency-cell.ts';

describe('parseCurrencyCell', () => {
  it('reads ISO codes in any case and the Chinese names exports use', () => {
    expect(['CNY', ' usd ', 'jpy', 'RMB', '人民币', '美元', '港币', '欧元'].map(parseCurrencyCell)).toEqual([
      'CNY',
      'USD',
      'JPY',
      'CNY',
      'CNY',
      'USD',
      'HKD',
      'EUR',
    ]);
  });

  it('rejects anything else', () => {
    expect(['XXX', 'RMBX', '', 'constructor', '__proto__', '￥'].map(parseCurrencyCell)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
