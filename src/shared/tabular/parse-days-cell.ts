export const MAX_TERMS_DAYS = 3650;

const DAYS = /^(?:net\s*)?(\d{1,5})\s*(?:天|日|days?|d)?$/iu;

/** Payment terms in whole days: "30", "30天", "30 days", "Net 30". Null when not that shape. */
export function parseDaysCell(raw: string): number | null {
  if (raw.length <= 4 && isDigits(raw)) {
    const days = Number(raw);
    return days <= MAX_TERMS_DAYS ? days : null;
  }
  const m = DAYS.exec(raw.normalize('NFKC').trim());
  if (!m) return null;
  const days = Number(m[1]);
  return days <= MAX_TERMS_DAYS ? days : null;
}

export function badDaysReason(raw: string): string {
  return `bad payment terms "${raw}" (use whole days from 0 to ${MAX_TERMS_DAYS}, e.g. 30)`;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
