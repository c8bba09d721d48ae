/**
 * The patterns that find invoice numbers in remittance text (upper-cased, half-width). A number
 * counts only after one of the org's own number prefixes (tolerating spaces inside it: I NV) or a
 * keyword; bare tokens must equal a whole invoice number. This keeps dates, amounts and phone
 * numbers from becoming references.
 */
export type ReferencePatterns = {
  /** Groups: 1 = org prefix, 2 = strong keyword, 3 = weak keyword, 4 = the number. */
  main: RegExp;
  /** After a match: more numbers sharing its prefix ("INV-1/2/3", "INV-1, 2 and 3"). Group 1 = number. */
  continuation: RegExp;
  /** A range's end ("INV-1~3", "INV-1至3"). Group 1 = number. */
  range: RegExp;
};

const STRONG_KEYWORDS = [
  '发票号码',
  '发票编号',
  '发票号',
  '发票',
  'INVOICE\\s*(?:NO|NUMBER|NR)?',
  'RECHNUNG(?:SNUMMER|SNR)?',
  'FACTURE',
  'FACTURA',
  'FAKTURA',
  'INV',
  'BILL',
];
const WEAK_KEYWORDS = ['NO', 'NR', 'NUMBER', '№', '#'];

/** Digits with OCR look-alikes (O for 0, I and L for 1), at least one real digit; dashes inside. */
const NUMBER = '[0-9OIL]*[0-9][0-9OIL]*(?:-[0-9OIL]*[0-9][0-9OIL]*)*';
/** Not followed by more of a token, nor by decimals (an amount such as 45.00). */
const END = '(?![0-9A-Z]|\\.[0-9])';
const SEPARATOR = '[\\s.:#№_\\-]*';

export function buildReferencePatterns(prefixes: readonly string[]): ReferencePatterns {
  const spaced = [...prefixes]
    .filter((p) => /^[A-Z]+$/.test(p))
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split('').join('\\s?'));
  const prefixGroup = spaced.length > 0 ? `(${spaced.join('|')})` : '(\\b\\B)';
  const main = new RegExp(
    `(?<![A-Z0-9])(?:${prefixGroup}|(${STRONG_KEYWORDS.join('|')})|(${WEAK_KEYWORDS.join('|')}))${SEPARATOR}(${NUMBER})${END}`,
    'g',
  );
  const continuation = new RegExp(
    `\\s*(?:[/,;、&+]|AND|和|及)\\s*(?:${spaced.length > 0 ? `(?:${spaced.join('|')})${SEPARATOR}` : ''})?(${NUMBER})${END}`,
    'y',
  );
  const range = new RegExp(`\\s*(?:~|至|到|TO)\\s*([0-9OIL]*[0-9][0-9OIL]*)${END}`, 'y');
  return { main, continuation, range };
}
