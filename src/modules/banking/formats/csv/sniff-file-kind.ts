/** Every xlsx is a zip archive. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * An OLE2 compound file: an Excel 97-2003 workbook. A text file merely named .xls (some banks save
 * tab-separated text so) is not one and is read as text.
 */
export function isLegacyXls(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
