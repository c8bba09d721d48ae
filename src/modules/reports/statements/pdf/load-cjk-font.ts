import { readFile } from 'node:fs/promises';
import type { Font } from 'fontkit';
import { cjkFontError, INSTALL_HINT } from '../statements.errors.ts';
import type { CjkFontFile } from './find-cjk-font.ts';

/** A font face ready to embed: the file's bytes and the face's PostScript name within it. */
export type CjkFont = {
  path: string;
  data: Buffer;
  postscriptName: string;
  familyName: string;
  /** The characters of `text` the face has no glyph for (they would print as boxes). */
  missing(text: string): string[];
};

/** A Chinese font must at least draw the statement's own title. */
const PROBE = '对账单期初余额';
const SIMPLIFIED = /\b(SC|CN|GB|Simplified)\b|YaHei|SimSun|SimHei|Zen Hei|Micro Hei/i;

const cache = new Map<string, Promise<CjkFont>>();

/** Opens the file (once per process), picks the face, and checks it covers Chinese. */
export function loadCjkFont(file: CjkFontFile): Promise<CjkFont> {
  const key = `${file.path}\u0000${file.family ?? ''}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = openFace(file);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

async function openFace(file: CjkFontFile): Promise<CjkFont> {
  const fontkit = await import('fontkit');
  const data = await readFile(file.path);
  let opened: ReturnType<typeof fontkit.create>;
  try {
    opened = fontkit.create(data);
  } catch (e) {
    throw cjkFontError(`${file.path} is not a font fontkit can read (${(e as Error).message})`, {
      path: file.path,
    });
  }
  const faces: Font[] = 'fonts' in opened ? opened.fonts : [opened];
  const face = pickFace(faces, file);
  const lacking = [...PROBE].filter((ch) => !face.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
  if (lacking.length > 0) {
    throw cjkFontError(`${file.path} (${face.familyName}) has no Chinese glyphs: ${INSTALL_HINT}`, {
      path: file.path,
      family: face.familyName,
    });
  }
  return {
    path: file.path,
    data,
    postscriptName: face.postscriptName,
    familyName: face.familyName,
    missing: (text) =>
      [...new Set(text)].filter((ch) => !/\s/.test(ch) && !face.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)),
  };
}

function pickFace(faces: Font[], file: CjkFontFile): Font {
  const names = (f: Font) => [f.familyName, f.fullName, f.postscriptName].map((n) => String(n).toLowerCase());
  if (file.family) {
    const wanted = file.family.toLowerCase();
    const face = faces.find((f) => names(f).includes(wanted));
    if (face) return face;
    throw cjkFontError(`${file.path} has no face "${file.family}"`, {
      path: file.path,
      faces: faces.map((f) => f.familyName),
    });
  }
  const first = faces[0];
  if (!first) throw cjkFontError(`${file.path} holds no font`, { path: file.path });
  return faces.find((f) => SIMPLIFIED.test(f.familyName) && !/mono/i.test(f.familyName)) ?? first;
}
