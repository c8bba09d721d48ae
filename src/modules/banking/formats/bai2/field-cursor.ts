import type { LogicalRecord } from './bai2.types.ts';

/**
 * Reads the comma-separated fields of a record across its 88 continuations: the end of one
 * segment is a field boundary, as the standard says a continuation carries on the field list.
 */
export class FieldCursor {
  readonly #segments: LogicalRecord['segments'];
  #index = 0;
  #pos = 0;

  constructor(record: LogicalRecord) {
    this.#segments = record.segments;
  }

  /** The line of the segment being read, for errors. */
  get line(): number {
    return (this.#segments[this.#index] ?? this.#segments.at(-1))?.line ?? 0;
  }

  /** The next field, trimmed; undefined once the record and its continuations are used up. */
  next(): string | undefined {
    for (;;) {
      const segment = this.#segments[this.#index];
      if (!segment) return undefined;
      if (this.#pos <= segment.content.length) {
        const comma = segment.content.indexOf(',', this.#pos);
        const end = comma === -1 ? segment.content.length : comma;
        const field = segment.content.slice(this.#pos, end).trim();
        this.#pos = end + 1;
        return field;
      }
      this.#index += 1;
      this.#pos = 0;
    }
  }

  /**
   * The text field: the rest of the record, commas and slashes included, with each 88
   * continuation joined by a space (fixed-width padding trimmed).
   */
  rest(): string {
    const pieces: string[] = [];
    const current = this.#segments[this.#index];
    if (current && this.#pos <= current.content.length) pieces.push(current.content.slice(this.#pos));
    for (const segment of this.#segments.slice(this.#index + 1)) pieces.push(segment.content);
    this.#index = this.#segments.length;
    return pieces
      .map((piece) => piece.trim())
      .filter((piece) => piece !== '')
      .join(' ');
  }
}
