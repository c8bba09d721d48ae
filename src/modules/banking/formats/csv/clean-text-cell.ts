/** "/", "-", "--" and dash runs ("-------------------") are how exports leave a cell empty. */
const PLACEHOLDER = /^[-/—_]*$/u;

/** The cell's text, trimmed (exports pad with spaces and tabs), or null when it is empty. */
export function cleanTextCell(raw: string | undefined): string | null {
  const text = (raw ?? '').trim();
  return PLACEHOLDER.test(text) ? null : text;
}
