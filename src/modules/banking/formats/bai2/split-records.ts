import type { PhysicalRecord } from './bai2.types.ts';

const STARTS_RECORD = /^(\d{2}),/;
/**
 * A '/' ends a record; some banks put the next record on the same line after blanks
 * ("49,-1600,11/  03,1111111,..."). Only a known record code after the blanks splits, so
 * a slash followed by other text stays inside a text field.
 */
const NEXT_ON_SAME_LINE = /(?<=\/)\s+(?=(?:01|02|03|16|49|88|98|99),)/;

/**
 * Cuts the text into physical records. A line that does not start with a record code is the
 * wrapped rest of the record above (files cut at a fixed width), joined with a space.
 */
export function splitRecords(text: string): PhysicalRecord[] {
  const records: PhysicalRecord[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    raw.split(NEXT_ON_SAME_LINE).forEach((piece, pieceIndex) => {
      const start = STARTS_RECORD.exec(piece);
      const previous = records.at(-1);
      if (start?.[1] !== undefined) {
        records.push({ code: start[1], body: piece.slice(3), line });
      } else if (pieceIndex === 0 && previous) {
        previous.body = `${previous.body.trimEnd()} ${piece.trim()}`;
      } else {
        records.push({ code: piece.trim().slice(0, 2), body: piece, line });
      }
    });
  });
  return records;
}
