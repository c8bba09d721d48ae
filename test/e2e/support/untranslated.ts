import type { Page } from 'playwright-core';

/** Latin words allowed on a Chinese screen that are not data: the product's name, units, formats. */
const ALLOWED = new Set([
  'Settle',
  'English',
  'DSO',
  'CEI',
  'PDF',
  'CSV',
  'xlsx',
  'XLSX',
  'Excel',
  'MFA',
  'TOTP',
  'ID',
]);
const WORD = /[A-Za-z][A-Za-z]+/g;

/** Machine values (statuses, kinds, permission keys): the screen must translate these, not show them. */
const IDENTIFIER = /^[a-z]+([._][a-z0-9]+)*$/;

/**
 * Collects every string the API sent to the page (customer names, numbers, emails, codes): Latin
 * words among them are data, which a Chinese screen shows as they are. Lower-case identifiers
 * (enum values) and error answers are not data.
 */
export async function recordApiData(page: Page): Promise<Set<string>> {
  const words = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!IDENTIFIER.test(value)) for (const w of value.match(WORD) ?? []) words.add(w);
    } else if (Array.isArray(value)) for (const v of value) collect(v);
    else if (value && typeof value === 'object') {
      // The server's own sentences (problem reasons, messages) are English: a Chinese screen must
      // say them through its catalogue, so they are not data.
      for (const [k, v] of Object.entries(value)) if (k !== 'reason' && k !== 'message') collect(v);
    }
  };
  // Read through the route (the inspector's cache drops bodies of uploads and big answers).
  await page.route('**/api/**', async (route) => {
    if (new URL(route.request().url()).pathname === '/api/events') return route.continue();
    const response = await route.fetch();
    const body = await response.body();
    if (response.status() < 400 && (response.headers()['content-type'] ?? '').includes('application/json')) {
      try {
        collect(JSON.parse(body.toString('utf8')));
      } catch {
        // not JSON after all
      }
    }
    await route.fulfill({ response, body });
  });
  return words;
}

/** Runs in the page: the visible text, one entry per text node, plus placeholders, titles and labels. */
const VISIBLE_TEXTS = `(() => {
  const out = [];
  const isVisible = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
    }
    return true;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || '').trim();
    const parent = n.parentElement;
    if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
    if (isVisible(parent)) out.push(text);
  }
  for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
    // Ant Design's icons label themselves with their glyph's name ("search", "user"): not UI text.
    if (!isVisible(el) || el.classList.contains('anticon')) continue;
    for (const attr of ['placeholder', 'title', 'aria-label']) {
      const v = (el.getAttribute(attr) || '').trim();
      if (v) out.push(v);
    }
  }
  return out;
})()`;

export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(VISIBLE_TEXTS);
}

/**
 * Texts on a Chinese screen holding a Latin word that is neither data from the API nor allowed:
 * an English string that escaped translation. Empty when the screen is fully Chinese.
 */
export async function untranslatedTexts(page: Page, apiWords: ReadonlySet<string>): Promise<string[]> {
  const texts = await visibleTexts(page);
  const bad = new Set<string>();
  for (const text of texts) {
    if (/^[\w.+-]+@[\w.-]+$/.test(text)) continue; // an email address
    for (const word of text.match(WORD) ?? []) {
      if (ALLOWED.has(word) || apiWords.has(word) || /^[A-Z]{3}$/.test(word)) continue;
      bad.add(text);
    }
  }
  return [...bad];
}
