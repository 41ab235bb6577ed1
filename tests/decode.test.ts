import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, DecodeError } from '../src/decode.js';

const SIMPLIFIED = '全市完成固定资产投资161.2亿元,同比增长7.3%,高于全省平均水平3.8个百分点。新开工项目296个,续建项目295个。';
const TRADITIONAL = '全市完成固定資產投資161.2億元,同比增長7.3%,高於全省平均水準3.8個百分點。新開工項目296個,續建項目295個。';

describe('decode', () => {
  it('reads UTF-8, with and without BOM', () => {
    expect(decodeBytes(Buffer.from(SIMPLIFIED, 'utf8'))).toMatchObject({ text: SIMPLIFIED, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED, 'utf8')]);
    expect(decodeBytes(bom)).toMatchObject({ text: SIMPLIFIED, encoding: 'utf-8-bom' });
  });
  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decodeBytes(iconv.encode(SIMPLIFIED, 'utf-16le', { addBOM: true }))).toMatchObject({ text: SIMPLIFIED, encoding: 'utf-16le' });
    expect(decodeBytes(iconv.encode(SIMPLIFIED, 'utf-16be', { addBOM: true }))).toMatchObject({ text: SIMPLIFIED, encoding: 'utf-16be' });
  });
  it('reads UTF-16 LE without a BOM', () => {
    expect(decodeBytes(iconv.encode(SIMPLIFIED, 'utf-16le'))).toMatchObject({ text: SIMPLIFIED, encoding: 'utf-16le' });
  });
  it('tells GB18030 from Big5 by how plausible the Chinese is', () => {
    const gb = decodeBytes(iconv.encode(SIMPLIFIED, 'gb18030'));
    expect(gb).toMatchObject({ text: SIMPLIFIED, encoding: 'gb18030' });
    const big5 = decodeBytes(iconv.encode(TRADITIONAL, 'big5'));
    expect(big5).toMatchObject({ text: TRADITIONAL, encoding: 'big5' });
    expect(big5.confidence).toBeGreaterThan(0.5);
    const gbTrad = decodeBytes(iconv.encode(TRADITIONAL, 'gb18030'));
    expect(gbTrad).toMatchObject({ text: TRADITIONAL, encoding: 'gb18030' });
  });
  it('drops a truncated final character with a warning', () => {
    const bytes = Buffer.from(SIMPLIFIED, 'utf8');
    const cut = bytes.subarray(0, bytes.length - 2);
    const d = decodeBytes(cut);
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings.map((w) => w.kind)).toEqual(['truncated']);
    expect(SIMPLIFIED.startsWith(d.text)).toBe(true);
  });
  it('refuses empty and binary input with a typed error', () => {
    expect(() => decodeBytes(new Uint8Array())).toThrow(DecodeError);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex');
    expect(() => decodeBytes(png)).toThrowError(/binary/);
  });
});

describe('web pages under other names', () => {
  it('a file that starts as an HTML page is read as one; text that only mentions a tag is not', async () => {
    const { decodeDocument } = await import('../src/pipeline.js');
    const page = decodeDocument(Buffer.from('\ufeff\r\n<HTML lang="zh"><body><script>var a="5亿元"</script><p>投资5亿元</p></body></HTML>'), 'a.txt');
    expect(page.text.trim()).toBe('投资5亿元');
    expect(page.decoded.warnings.map((w) => w.kind)).toEqual(['html']);
    const text = decodeDocument(Buffer.from('说明：网页以<html>标签开头。投资5亿元'), 'b.txt');
    expect(text.text).toBe('说明：网页以<html>标签开头。投资5亿元');
    expect(text.decoded.warnings).toEqual([]);
    // <htmlx> is no html tag
    expect(decodeDocument(Buffer.from('<htmlx>投资5亿元'), 'c.txt').text).toBe('<htmlx>投资5亿元');
  });
});
