const LATIN1 = new TextDecoder('latin1');

/**
 * True when the content is OFX: an OFX 1.x header, an OFX 2.x processing instruction, or a bare
 * <OFX> root. The file name plays no part: a .qfx or .txt holding OFX is OFX.
 */
export function looksOfx(bytes: Uint8Array, _name: string): boolean {
  const head = LATIN1.decode(bytes.subarray(0, 4096))
    .replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '')
    .trimStart();
  if (/^OFXHEADER\s*:\s*\d+/.test(head)) return true;
  if (/^<\?xml[^>]*\?>\s*(<!--[\s\S]*?-->\s*)*<\?OFX\s[^>]*OFXHEADER\s*=/i.test(head)) return true;
  return /^<OFX>\s*(<|$)/i.test(head);
}
