import { Mt940Problem } from './mt940-problem.ts';
import type { RawField } from './split-fields.ts';

/** The fields of one statement (one :20: up to the next), checked for order but not yet for content. */
export type StatementFields = {
  index: number;
  start: RawField;
  header: Map<string, RawField>;
  floorLimits: RawField[];
  entries: { line: RawField; information: RawField[] }[];
  closing: RawField | null;
  trailer: Map<string, RawField>;
};

const HEADER_TAGS = new Set(['21', '25', '28', '28C', '60F', '60M', '13', '13D']);
const TRAILER_TAGS = new Set(['64', '65', '90D', '90C']);

/**
 * Groups fields into statements in the order MT940/MT942 prescribe: :20:, :21:, :25:, :28C:,
 * :60F:/:60M: (MT942: :34F:, :13D:), then :61: lines each with optional :86:, then :62F:/:62M:,
 * :64:, :65:, :90D:/:90C:. An :86: outside a statement line is information about the whole
 * statement and is not kept; :NS: (non-SWIFT) fields are skipped.
 */
export function groupStatements(fields: readonly RawField[]): StatementFields[] {
  const statements: StatementFields[] = [];
  let current: StatementFields | null = null;
  let lastTag = '';
  for (const field of fields) {
    const tag = field.tag;
    if (tag === '20') {
      current = {
        index: statements.length + 1,
        start: field,
        header: new Map(),
        floorLimits: [],
        entries: [],
        closing: null,
        trailer: new Map(),
      };
      statements.push(current);
    } else if (!current) {
      throw new Mt940Problem(
        field.line,
        `:${tag}: comes before any :20: transaction reference; a statement starts with :20:`,
      );
    } else if (tag === 'NS') {
      continue;
    } else if (HEADER_TAGS.has(tag) || tag === '34F') {
      if (current.entries.length > 0 || current.closing || current.trailer.size > 0) {
        throw new Mt940Problem(
          field.line,
          `:${tag}: after the statement lines of statement ${current.index}; a new statement must start with :20:`,
        );
      }
      if (tag === '34F') {
        if (current.floorLimits.length === 2)
          throw new Mt940Problem(field.line, 'more than two :34F: floor limits');
        current.floorLimits.push(field);
      } else {
        const key = canonical(tag);
        if (current.header.has(key))
          throw new Mt940Problem(field.line, `second :${tag}: in statement ${current.index}`);
        current.header.set(key, field);
      }
    } else if (tag === '61') {
      if (current.closing || current.trailer.size > 0) {
        throw new Mt940Problem(
          field.line,
          `:61: statement line after the closing balance of statement ${current.index}`,
        );
      }
      if (!current.header.has('60') && !current.header.has('13')) {
        throw new Mt940Problem(
          field.line,
          `:61: statement line before the opening balance :60F: of statement ${current.index}`,
        );
      }
      current.entries.push({ line: field, information: [] });
    } else if (tag === '86') {
      const entry = current.entries.at(-1);
      if (entry && (lastTag === '61' || lastTag === '86') && !current.closing && current.trailer.size === 0) {
        entry.information.push(field);
      }
    } else if (tag === '62F' || tag === '62M') {
      if (current.closing)
        throw new Mt940Problem(field.line, `second closing balance in statement ${current.index}`);
      current.closing = field;
    } else if (TRAILER_TAGS.has(tag)) {
      if (tag !== '65' && current.trailer.has(tag))
        throw new Mt940Problem(field.line, `second :${tag}: in statement ${current.index}`);
      current.trailer.set(tag === '65' ? `65-${field.line}` : tag, field);
    }
    lastTag = tag;
  }
  return statements;
}

/** :28: is the old spelling of :28C:, :13: of :13D:, :60M: the intermediate form of :60F:. */
function canonical(tag: string): string {
  if (tag === '28C') return '28';
  if (tag === '13D') return '13';
  if (tag === '60F' || tag === '60M') return '60';
  return tag;
}
