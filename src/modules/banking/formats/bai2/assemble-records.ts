import type { LogicalRecord, PhysicalRecord, Reject } from './bai2.types.ts';

/** A '/' at the end (blanks after it allowed) closes the record; it is not data. */
function withoutTerminator(body: string): string {
  return body.replace(/\/\s*$/, '');
}

/** Attaches each 88 continuation to the record it continues. */
export function assembleRecords(records: PhysicalRecord[], reject: Reject): LogicalRecord[] {
  const logical: LogicalRecord[] = [];
  for (const record of records) {
    const segment = { content: withoutTerminator(record.body), line: record.line };
    const current = logical.at(-1);
    if (record.code !== '88') {
      logical.push({ code: record.code, line: record.line, segments: [segment], physicalCount: 1 });
    } else if (!current) {
      reject(record.line, 'continuation record 88 with no record before it to continue');
    } else {
      current.segments.push(segment);
      current.physicalCount += 1;
    }
  }
  return logical;
}
