/** What the :86: information to the account owner says about one statement line. */
export type LineInformation = {
  remittance: string | null;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  endToEndId: string | null;
};

/** SWIFT lines are at most 65 characters; a full line was wrapped mid-word by the bank. */
const LINE_WIDTH = 65;

/**
 * Free-text :86: (Dutch and Polish banks): the lines joined into one text. A full-width line
 * continues on the next without a space; a shorter one ended a phrase.
 */
export function joinFreeText(lines: readonly string[]): string {
  let text = '';
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') return;
    const previous = lines[i - 1] ?? '';
    // The first line shares its 65 characters with the ":86:" tag.
    const width = i === 1 ? LINE_WIDTH - 4 : LINE_WIDTH;
    const wasWrapped = i > 0 && previous.length >= width && !/\s$/.test(previous);
    text += text === '' ? line.trim() : wasWrapped ? line : ` ${line.trim()}`;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * German banks' structured :86: (DFÜ-Abkommen): a three-digit business transaction code, then
 * subfields "?nn" (some banks write ">nn"): ?00 posting text, ?10 primanota, ?20-?29 and ?60-?63
 * remittance wrapped at 27 characters, ?30 bank code or BIC, ?31 account or IBAN, ?32-?33 name.
 */
export function parseInformation(lines: readonly string[]): LineInformation {
  const joined = lines.join('');
  const structured = /^(\d{3})([?>])(\d{2})/.exec(joined);
  if (!structured) {
    const text = joinFreeText(lines);
    return { remittance: text || null, counterpartyName: null, counterpartyAccount: null, endToEndId: null };
  }
  const subfields = splitSubfields(joined.slice(3), structured[2] ?? '?');
  const pick = (codes: number[]) => codes.map((c) => subfields.get(c) ?? '').join('');
  const purpose = pick([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63]);
  const sepa = splitSepaKeywords(purpose);
  const name = clean(pick([32, 33])) ?? clean(sepa.get('ABWA') ?? '');
  // With an SVWZ+ purpose, that (and any free text before the first keyword) is the remittance;
  // without one the whole text is kept, so that no invoice number is lost inside a keyword's value.
  const remittance = sepa.has('SVWZ')
    ? [sepa.get(''), sepa.get('SVWZ')].map((s) => clean(s ?? ''))
    : [clean(purpose)];
  const endToEndId = clean(sepa.get('EREF') ?? '');
  return {
    remittance: remittance.filter((s) => s !== null).join(' ') || null,
    counterpartyName: name,
    counterpartyAccount: clean(subfields.get(31) ?? ''),
    endToEndId: endToEndId === 'NOTPROVIDED' ? null : endToEndId,
  };
}

function splitSubfields(text: string, separator: string): Map<number, string> {
  const subfields = new Map<number, string>();
  let last: number | null = null;
  for (const part of text.split(separator).slice(1)) {
    const code = /^\d{2}/.test(part) ? Number(part.slice(0, 2)) : null;
    if (code === null) {
      // A separator character inside the text, not a subfield: keep it with the text before.
      if (last !== null) subfields.set(last, `${subfields.get(last) ?? ''}${separator}${part}`);
      continue;
    }
    subfields.set(code, `${subfields.get(code) ?? ''}${part.slice(2)}`);
    last = code;
  }
  return subfields;
}

/** SEPA keywords in the remittance: EREF+ end-to-end id, KREF+ customer reference, SVWZ+ purpose, ABWA+ ultimate payer... */
const SEPA_KEYWORD = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT)\+/g;

function splitSepaKeywords(purpose: string): Map<string, string> {
  const parts = new Map<string, string>();
  const matches = [...purpose.matchAll(SEPA_KEYWORD)];
  if (matches.length === 0) return parts;
  parts.set('', purpose.slice(0, matches[0]?.index ?? 0));
  matches.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = matches[i + 1]?.index ?? purpose.length;
    parts.set(m[1] ?? '', purpose.slice(start, end));
  });
  return parts;
}

function clean(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}
