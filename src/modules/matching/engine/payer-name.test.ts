import { describe, expect, it } from 'vitest';
import { payerNameSimilarity } from './name-similarity.ts';
import { normalisePayerName } from './payer-name.ts';

const sim = (a: string, b: string) => payerNameSimilarity(normalisePayerName(a), normalisePayerName(b));

describe('normalisePayerName', () => {
  it.each([
    ['上海宏达精密机械有限公司', '上海宏达精密机械', '宏达精密机械'],
    ['深圳市华盛电子科技股份有限公司', '深圳市华盛电子科技', '华盛电子科技'],
    ['宏达集团有限公司', '宏达', '宏达'],
    ['西门子（中国）有限公司', '西门子', '西门子'],
    ['Acme Widgets GmbH', 'acme widgets', 'acme widgets'],
    ['ACME WIDGETS CO., LTD.', 'acme widgets', 'acme widgets'],
    ['Müller Trading S.A.S.', 'müller', 'müller'],
    ['Lion City Pte. Ltd.', 'lion city', 'lion city'],
    ['ＡＣＭＥ　Ｗｉｄｇｅｔｓ　Ｌｉｍｉｔｅｄ', 'acme widgets', 'acme widgets'],
    ['上海', '上海', '上海'], // a city alone stays: nothing else would be left
  ])('%s -> %s', (name, core, bare) => {
    const n = normalisePayerName(name);
    expect(n.core).toBe(core);
    expect(n.bare).toBe(bare);
  });

  it('blocks on distinctive tokens, not on the city', () => {
    const { tokens } = normalisePayerName('上海宏达精密机械有限公司');
    expect(tokens).toContain('c:宏达');
    expect(tokens).not.toContain('c:上海');
    expect(tokens.some((t) => t.includes('公司'))).toBe(false);
  });
});

describe('payerNameSimilarity', () => {
  it('scores the same company high despite typos, suffixes and a dropped city', () => {
    expect(sim('Acme Widgets GmbH', 'ACME WIDGETS')).toBe(1);
    expect(sim('Acme Widgets GmbH', 'Acme Widgts')).toBeGreaterThan(0.88);
    expect(sim('上海宏达精密机械有限公司', '宏达精密机械')).toBe(1);
    expect(sim('上海宏达精密机械有限公司', '上海宏达精蜜机械有限公司')).toBeGreaterThan(0.8);
  });

  it('scores different companies low, even when they share words or the trade', () => {
    expect(sim('Acme Widgets GmbH', 'Acme Tools GmbH')).toBeLessThan(0.8);
    expect(sim('上海宏达精密机械有限公司', '上海华盛精密机械有限公司')).toBeLessThan(0.8);
    expect(sim('上海宏达精密机械有限公司', '深圳宏达精密机械有限公司')).toBeLessThan(0.88);
    expect(sim('Shanghai Hongda Precision Machinery', '上海宏达精密机械')).toBe(0);
  });
});
