import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCjkFont, wellKnownCjkFonts } from './pdf/find-cjk-font.ts';
import { loadCjkFont } from './pdf/load-cjk-font.ts';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const LATIN_ONLY = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const only =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('finding a CJK font', () => {
  it('takes SETTLE_CJK_FONT (and its family) first, and insists the file exists', () => {
    const env = { SETTLE_CJK_FONT: '/opt/fonts/my.ttc', SETTLE_CJK_FONT_FAMILY: 'My Hei SC' };
    expect(findCjkFont(env, only('/opt/fonts/my.ttc', NOTO))).toEqual({
      path: '/opt/fonts/my.ttc',
      family: 'My Hei SC',
    });
    expect(() => findCjkFont(env, only(NOTO))).toThrow(/SETTLE_CJK_FONT names \/opt\/fonts\/my.ttc/);
  });

  it('falls back to the system fonts, Noto Sans CJK SC first', () => {
    expect(findCjkFont({}, only(NOTO, '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'))).toEqual({
      path: NOTO,
      family: 'Noto Sans CJK SC',
    });
    expect(findCjkFont({}, only('/System/Library/Fonts/PingFang.ttc'))).toMatchObject({
      family: 'PingFang SC',
    });
    expect(wellKnownCjkFonts({ WINDIR: 'D:\\Win' }).some((f) => f.path.includes('msyh.ttc'))).toBe(true);
  });

  it('without any, fails with a clear error naming what to install', () => {
    expect(() => findCjkFont({}, () => false)).toThrow(
      expect.objectContaining({
        code: 'PDF_FONT_MISSING',
        message: expect.stringContaining('apt-get install fonts-noto-cjk'),
        details: { reason: 'CJK_FONT_MISSING' },
      }),
    );
  });

  it.skipIf(!existsSync(NOTO))('picks the Simplified Chinese face of the Noto collection', async () => {
    const font = await loadCjkFont({ path: NOTO, family: null });
    expect([font.postscriptName, font.familyName]).toEqual(['NotoSansCJKsc-Regular', 'Noto Sans CJK SC']);
    expect(font.missing('对账单 Statement 上海 ①')).toEqual([]);
    expect(font.missing('a\u{1F600}b')).toEqual(['\u{1F600}']);
    await expect(loadCjkFont({ path: NOTO, family: 'No Such Face' })).rejects.toThrow(/has no face/);
  });

  it.skipIf(!existsSync(LATIN_ONLY))(
    'refuses a font without Chinese glyphs rather than print boxes',
    async () => {
      await expect(loadCjkFont({ path: LATIN_ONLY, family: null })).rejects.toThrow(/has no Chinese glyphs/);
    },
  );
});
