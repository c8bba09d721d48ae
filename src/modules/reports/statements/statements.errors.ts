import { AppError } from '../../../shared/errors/index.ts';

/**
 * No usable CJK font for a PDF. A PDF without one would print boxes for every Chinese character:
 * it is refused instead, naming what to install. A server-side gap, not the caller's fault.
 */
export function cjkFontError(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('PDF_FONT_MISSING', { message, details: { reason: 'CJK_FONT_MISSING', ...details } });
}

export const INSTALL_HINT =
  'install a CJK font (Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: google-noto-sans-cjk-fonts; ' +
  'macOS and Windows have one) or set SETTLE_CJK_FONT to a .ttf/.otf/.ttc file ' +
  '(and SETTLE_CJK_FONT_FAMILY to pick a face of a .ttc)';
