import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../web/src/shared/i18n/all-messages.ts';

const WEB_SRC = join(import.meta.dirname, '..', '..', 'web', 'src');

/** Chinese strings that are rightly the same as, or free of, Chinese characters. */
const SAME_IN_CHINESE = new Set(['app.name', 'lang.en']);
const CJK = /[\u3400-\u9fff]/;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

describe('the web catalogue', () => {
  it('has every English key in Chinese and no other', () => {
    expect(Object.keys(MESSAGES['zh-CN']).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    expect(Object.keys(MESSAGES.en).length).toBeGreaterThan(50);
  });

  it('says every Chinese message in Chinese', () => {
    const untranslated = Object.entries(MESSAGES['zh-CN'])
      .filter(([key, zh]) => !SAME_IN_CHINESE.has(key) && !CJK.test(zh))
      .map(([key, zh]) => `${key}: ${zh}`);
    expect(untranslated).toEqual([]);
  });

  it('keeps the same {placeholders} in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.entries(MESSAGES.en)
      .filter(([key, en]) => names(en).join() !== names(MESSAGES['zh-CN'][key] ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('defines every key the code asks for', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(WEB_SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.+-]*)'/g)) {
        const key = m[1] as string;
        if (!(key in MESSAGES.en)) missing.push(`${file.slice(WEB_SRC.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
