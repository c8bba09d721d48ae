import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBankText, detectTextEncoding, looksLikeGb18030 } from './detect-text-encoding.ts';

const gbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'gb18030'));
const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

describe('detectTextEncoding', () => {
  it('keeps the shared answers for UTF-8 and BOMs', () => {
    expect(detectTextEncoding(new TextEncoder().encode('交易日期,金额\n'))).toBe('utf-8');
    expect(detectTextEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8-bom');
    expect(detectTextEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
  });

  it('tells GBK Chinese from Latin-1 German', () => {
    const chinese = gbk('交易时间,交易对方,收/支,金额\n2023-02-12,亲情卡,支出,49.74\n');
    expect(detectTextEncoding(chinese)).toBe('gb18030');
    expect(decodeBankText(chinese, 'gb18030')).toContain('交易对方');
    const german = latin1(
      'Buchungstag;Empfänger;Verwendungszweck;Betrag\n03.02.2025;Müller;Gebühr für Größe;1,00\n',
    );
    expect(detectTextEncoding(german)).toBe('latin-1');
    expect(decodeBankText(german, 'latin-1')).toContain('Gebühr für Größe');
  });

  it('reads French and Windows-1252 € as Latin-1', () => {
    const french = latin1('Date;Libellé;Montant\n01/02/2025;Café crème;-3,50\n');
    expect(detectTextEncoding(french)).toBe('latin-1');
    const euro = new Uint8Array([...latin1('Betrag;'), 0x80, ...latin1(' 12,00\n')]);
    expect(detectTextEncoding(euro)).toBe('latin-1');
    expect(decodeBankText(euro, 'latin-1')).toBe('Betrag;€ 12,00\n');
  });

  it('judges the byte structure: high pairs, ASCII-trail pairs, invalid bytes, cut sequences', () => {
    expect(looksLikeGb18030(gbk('中国银行'))).toBe(true);
    // Four-byte GB18030 (outside GBK): still valid.
    expect(looksLikeGb18030(gbk('€𠀀中文'))).toBe(true);
    // A lone high byte before a delimiter cannot be GB18030.
    expect(looksLikeGb18030(latin1('é;'))).toBe(false);
    // Pairs with an ASCII second byte outnumber real double-byte characters: Latin-1.
    expect(looksLikeGb18030(latin1('Müller Bäcker Übung'))).toBe(false);
    // A sample cut inside a character is judged on what it has.
    const cut = gbk('交易对方');
    expect(looksLikeGb18030(cut.subarray(0, cut.length - 1))).toBe(true);
    expect(looksLikeGb18030(latin1('plain ascii'))).toBe(false);
  });
});
