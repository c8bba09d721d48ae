import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cjkFontError, INSTALL_HINT } from '../statements.errors.ts';

/** A font file, and for a collection (.ttc) the face to use (family, full or PostScript name). */
export type CjkFontFile = { path: string; family: string | null };

/** The settings that name a font, passed in by the shell (domain code never reads process.env). */
export type CjkFontEnv = {
  SETTLE_CJK_FONT?: string | undefined;
  SETTLE_CJK_FONT_FAMILY?: string | undefined;
  WINDIR?: string | undefined;
};

/** Where common systems keep a Chinese font, the Simplified Chinese face of each. */
export function wellKnownCjkFonts(env: CjkFontEnv): CjkFontFile[] {
  const windows = join(env.WINDIR ?? 'C:\\Windows', 'Fonts');
  const f = (path: string, family: string | null = null) => ({ path, family });
  return [
    // Debian/Ubuntu fonts-noto-cjk, Arch noto-fonts-cjk, Fedora google-noto-*-cjk
    f('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'),
    f('/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'),
    f('/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'),
    f('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'Noto Serif CJK SC'),
    // fonts-wqy-zenhei, fonts-wqy-microhei, fonts-arphic-uming
    f('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYi Zen Hei'),
    f('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYi Micro Hei'),
    f('/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc', 'WenQuanYi Zen Hei'),
    f('/usr/share/fonts/truetype/arphic/uming.ttc', 'AR PL UMing CN'),
    // macOS
    f('/System/Library/Fonts/PingFang.ttc', 'PingFang SC'),
    f('/System/Library/Fonts/STHeiti Light.ttc', 'Heiti SC'),
    f('/System/Library/Fonts/STHeiti Medium.ttc', 'Heiti SC'),
    f('/System/Library/Fonts/Hiragino Sans GB.ttc'),
    f('/Library/Fonts/Arial Unicode.ttf'),
    // Windows
    f(join(windows, 'msyh.ttc'), 'Microsoft YaHei'),
    f(join(windows, 'simsun.ttc'), 'SimSun'),
    f(join(windows, 'simhei.ttf')),
  ];
}

/** SETTLE_CJK_FONT if set (it must exist), else the first well-known font that is installed. */
export function findCjkFont(env: CjkFontEnv, exists: (path: string) => boolean = existsSync): CjkFontFile {
  const family = env.SETTLE_CJK_FONT_FAMILY?.trim() || null;
  const named = env.SETTLE_CJK_FONT?.trim();
  if (named) {
    if (!exists(named)) {
      throw cjkFontError(`SETTLE_CJK_FONT names ${named}, which does not exist`, { path: named });
    }
    return { path: named, family };
  }
  const found = wellKnownCjkFonts(env).find((f) => exists(f.path));
  if (!found) throw cjkFontError(`no Chinese font for the PDF: ${INSTALL_HINT}`);
  return family ? { ...found, family } : found;
}
