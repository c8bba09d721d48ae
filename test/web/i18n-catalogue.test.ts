import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../web/src/shared/i18n/all-messages.ts';

const WEB_SRC = join(import.meta.dirname, '..', '..', 'web', 'src');

/** Chinese messages that rightly hold Latin words: the product's name, the English language's own name. */
const LATIN_IN_CHINESE = new Set(['app.name', 'lang.en']);
/** Latin words a Chinese message may hold: abbreviations used as such in Chinese finance. */
const ALLOWED_WORDS = new Set(['Settle', 'DSO', 'CEI', 'PDF', 'CSV', 'xlsx', 'Excel', 'TOTP', 'VIP']);
/** Codes such as CN, CNY or USD read the same in Chinese. */
const CODE = /^[A-Z]{2,3}$/;

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
    // Placeholders are filled with data; what is left must hold no English word.
    const untranslated = Object.entries(MESSAGES['zh-CN'])
      .filter(([key, zh]) => {
        if (LATIN_IN_CHINESE.has(key)) return false;
        const words = zh.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
        return words.some((w) => !ALLOWED_WORDS.has(w) && !CODE.test(w));
      })
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
