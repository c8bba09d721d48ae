import type { StatementWarning, StatementWarningCode } from '../../statement.types.ts';
import { rejectStatement } from '../../statement-errors.ts';

/** One parsed XML element: child elements as arrays, attributes as `@_name`, text as `#text`. */
export type XmlElement = { readonly [key: string]: unknown };

// Elements that repeat in the standard: their paths always carry an index, as in "Stmt[1]/Ntry[3]".
const REPEATING = new Set(['Stmt', 'Rpt', 'Ntfctn', 'Bal', 'Ntry', 'TxDtls', 'Ustrd', 'Strd']);

/**
 * An element with its path from the document element, for reading and for errors that say where.
 * Every rejection of a parsed camt file goes through `fail`, naming this element's path; a fault
 * that loses no transaction is described by `warning` instead and the file is kept.
 */
export class CamtCursor {
  constructor(
    readonly file: string,
    readonly element: XmlElement,
    readonly path: string,
  ) {}

  fail(reason: string, path: string = this.path): never {
    return rejectStatement({ file: this.file, line: null, element: path, reason });
  }

  warning(code: StatementWarningCode, message: string, path: string = this.path): StatementWarning {
    return { code, line: null, element: path, message };
  }

  all(name: string): CamtCursor[] {
    const raw = this.element[name];
    if (raw === undefined) return [];
    const list = Array.isArray(raw) ? raw : [raw];
    const indexed = REPEATING.has(name) || list.length > 1;
    return list.map((item, i) => {
      const element: XmlElement =
        typeof item === 'object' && item !== null ? (item as XmlElement) : { '#text': String(item) };
      return new CamtCursor(this.file, element, `${this.path}/${name}${indexed ? `[${i + 1}]` : ''}`);
    });
  }

  /** The child element, or null; the standard allows it at most once here. */
  optional(name: string): CamtCursor | null {
    const list = this.all(name);
    if (list.length > 1)
      this.fail(
        `<${name}> appears ${list.length} times where the standard allows one`,
        `${this.path}/${name}`,
      );
    return list[0] ?? null;
  }

  required(name: string): CamtCursor {
    return this.optional(name) ?? this.fail(`mandatory <${name}> is missing`, `${this.path}/${name}`);
  }

  /** Follows a slash-separated path of single children; null when any step is absent. */
  at(path: string): CamtCursor | null {
    let cursor: CamtCursor | null = this;
    for (const step of path.split('/')) {
      cursor = cursor.optional(step);
      if (cursor === null) return null;
    }
    return cursor;
  }

  /** This element's text, trimmed; empty text is treated as absent. */
  text(): string | null {
    const raw = this.element['#text'];
    const value = typeof raw === 'string' ? raw.trim() : '';
    return value === '' ? null : value;
  }

  textAt(path: string): string | null {
    return this.at(path)?.text() ?? null;
  }

  requiredText(path: string): string {
    const cursor = this.at(path);
    if (cursor === null) return this.fail(`mandatory <${path}> is missing`, `${this.path}/${path}`);
    return cursor.text() ?? cursor.fail(`mandatory <${path}> is empty`);
  }

  attribute(name: string): string | null {
    const raw = this.element[`@_${name}`];
    return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
  }
}
