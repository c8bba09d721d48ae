/**
 * A fault found while reading an MT940 file, with the 1-based line it was found on. The parts of
 * this folder throw it without knowing the file name; `parseMt940` turns it into the one
 * STATEMENT_REJECTED error.
 */
export class Mt940Problem extends Error {
  constructor(
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
  }
}
