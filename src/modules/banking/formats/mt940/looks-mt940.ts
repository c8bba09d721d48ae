/**
 * Cheap sniffing: an MT940/MT942 file has, near its start, a :20: transaction reference, a :25:
 * account and a :28C: (or old :28:) statement number, each at the start of a line.
 */
export function looksMt940(bytes: Uint8Array, _name: string): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString(
    'latin1',
  );
  const lineStart = (tag: string) => new RegExp(`(^|[\\r\\n]|\\{4:[\\r\\n]*)${tag}`).test(head);
  return lineStart(':20:') && lineStart(':25:') && lineStart(':28C?:');
}
