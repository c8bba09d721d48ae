import { Mt940Problem } from './mt940-problem.ts';

/** One tagged field: its tag, its text lines (the first after the tag) and the line it starts on. */
export type RawField = { tag: string; lines: string[]; line: number };

/**
 * The tags of MT940 and MT942 (and the :NS: non-SWIFT field some German banks add). Inside an
 * :86: text a line starting with another ":nn:" is a wrapped continuation: banks wrap remittance
 * at a fixed width, so "...2017-01-01T13" followed by ":12:11" is a time of day. Elsewhere such a
 * line is an unknown or misspelt tag and refused.
 */
const TAG = /^:(20|21|25|28C?|60[FM]|61|86|62[FM]|64|65|13D?|34F|90[DC]|NS):(.*)$/;

/** SWIFT envelope: {1:...}{2:...}{3:...}{4: opens the text block, "-}" (maybe with {5:...}) closes it. */
const ENVELOPE_OPEN = /^(?:\{[1-3]:[^}]*(?:\{[^}]*\})*[^}]*\})*\{4:/;
const MESSAGE_END = /^-\s*(?:\}.*)?$/;

/** Drops C0 and C1 control characters other than tab and line ends: frame bytes (SOH/ETX) and stray binary. */
function stripControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const isControl = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
    if (!isControl) out += ch;
  }
  return out;
}

/**
 * Splits the decoded text into fields. Lines between messages that are no field (the ABN AMRO and
 * ING routing headers, Rabobank's ":940:", envelope blocks) are skipped; blank lines are ignored.
 */
export function splitFields(text: string): RawField[] {
  const lines = stripControls(text).split(/\r\n|\r|\n/);
  const fields: RawField[] = [];
  let open: RawField | null = null;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    let line = raw;
    const envelope = ENVELOPE_OPEN.exec(line);
    if (envelope) {
      open = null;
      line = line.slice(envelope[0].length);
    }
    if (line.trim() === '') return;
    if (MESSAGE_END.test(line.trim())) {
      open = null;
      return;
    }
    const tagged = TAG.exec(line);
    if (tagged) {
      open = { tag: tagged[1] ?? '', lines: [tagged[2] ?? ''], line: lineNo };
      fields.push(open);
      return;
    }
    const looksTagged = /^:[0-9A-Z]{2,3}:/.test(line);
    if (open && looksTagged && open.tag !== '86' && open.tag !== 'NS') {
      throw new Mt940Problem(lineNo, `unknown field tag "${line.slice(0, line.indexOf(':', 1) + 1)}"`);
    }
    if (open) open.lines.push(line);
    else if (looksTagged && line !== ':940:' && fields.length > 0) {
      throw new Mt940Problem(
        lineNo,
        `unknown field tag "${line.slice(0, line.indexOf(':', 1) + 1)}" outside a field`,
      );
    }
  });
  return fields;
}
