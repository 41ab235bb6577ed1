// Decode (SPEC 1.1): BOM, valid UTF-8, UTF-16 without BOM, otherwise GB18030 or Big5 chosen by how plausible
// the decoded Chinese is. Decoding is done by iconv-lite; this module only decides which encoding to use and
// how sure it is, and turns undecodable input into a typed failure instead of an exception.
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { endianness } from 'node:os';
import { COMMON_SIMPLIFIED, COMMON_TRADITIONAL } from './tables/common-chars.js';

export interface Decoded {
  text: string;
  encoding: string;
  confidence: number;
  warnings: { kind: string; message: string }[];
}

export class DecodeError extends Error {
  constructor(
    // (damaged, encrypted, no-text-layer, unsupported-format: PDF and Word files, see formats.ts)
    readonly kind: 'empty' | 'binary' | 'undecodable' | 'too-large' | 'damaged' | 'encrypted' | 'no-text-layer' | 'unsupported-format',
    message: string,
  ) {
    super(message);
  }
}

const COMMON = new Set([...COMMON_SIMPLIFIED, ...COMMON_TRADITIONAL]);
const HAN = /\p{Script=Han}/u;

/** How plausible a decoded text is as Chinese prose: share of common characters among Han characters, minus
 * a penalty for replacement characters and private-use or control characters. */
export function plausibility(text: string): number {
  let han = 0;
  let common = 0;
  let bad = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || (cp < 0x20 && cp !== 9 && cp !== 10 && cp !== 13)) bad++;
    else if (HAN.test(ch)) {
      han++;
      if (COMMON.has(ch)) common++;
    }
  }
  if (n === 0) return 0;
  const commonShare = han === 0 ? 0 : common / han;
  return commonShare - (5 * bad) / n;
}

function controlShare(buf: Uint8Array): number {
  const n = Math.min(buf.length, 1 << 16);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27)) ctl++;
  }
  return n === 0 ? 0 : ctl / n;
}

/** UTF-16 without a BOM: most of the high bytes of ASCII/CJK text sit at the same parity. */
function utf16Guess(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 1 << 16);
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) zeroEven++;
    if (buf[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05) return 'utf-16le';
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05) return 'utf-16be';
  return null;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** 1 for the control characters that mark binary data (CONTROL below) */
const CONTROL_CODE = new Uint8Array(128);
for (const c of [1, 2, 3, 4, 5, 6, 7, 8, 0x0b, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1c, 0x1d, 0x1e, 0x1f]) CONTROL_CODE[c] = 1;
const LITTLE_ENDIAN = endianness() === 'LE';
let units = new Uint16Array(1 << 16);

/** What fatalUtf8.decode(buf) returns for bytes that isUtf8 accepts and that do not start with a BOM, or null when
 * the text holds a control character (CONTROL). Decoded here into UTF-16 code units, which is about twice as fast
 * as the built-in decoders. */
function decodeValidUtf8(buf: Uint8Array): string | null {
  const n = buf.length;
  if (!LITTLE_ENDIAN || (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)) {
    const text = fatalUtf8.decode(buf);
    return CONTROL.test(text) ? null : text;
  }
  // at most one code unit per byte
  const u = n <= units.length ? units : n <= 1 << 20 ? (units = new Uint16Array(n)) : new Uint16Array(n);
  let j = 0;
  for (let i = 0; i < n; ) {
    const c = buf[i]!;
    if (c < 0x80) {
      if (CONTROL_CODE[c] === 1) return null;
      u[j++] = c;
      i++;
    } else if (c < 0xe0) {
      u[j++] = ((c & 0x1f) << 6) | (buf[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      u[j++] = ((c & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f);
      i += 3;
    } else {
      const v = (((c & 0x07) << 18) | ((buf[i + 1]! & 0x3f) << 12) | ((buf[i + 2]! & 0x3f) << 6) | (buf[i + 3]! & 0x3f)) - 0x10000;
      u[j++] = 0xd800 | (v >> 10);
      u[j++] = 0xdc00 | (v & 0x3ff);
      i += 4;
    }
  }
  return Buffer.from(u.buffer, u.byteOffset, j * 2).toString('utf16le');
}

/** A valid UTF-8 prefix cut inside its last character: return the length of the complete part, else -1. */
function truncatedUtf8(buf: Uint8Array): number {
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    const lead = buf[buf.length - cut]!;
    if (lead >= 0xc0) {
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      if (need > cut) {
        try {
          fatalUtf8.decode(buf.subarray(0, buf.length - cut));
          return buf.length - cut;
        } catch {
          return -1;
        }
      }
      return -1;
    }
    if (lead < 0x80) return -1;
  }
  return -1;
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i >= 0; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** File formats that are not text, recognised by their first bytes (a PNG named .txt is still a PNG). */
const MAGIC: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or docx/xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7z archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['a bzip2 archive', [0x42, 0x5a, 0x68]],
  ['an xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an MS Office (OLE) document', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['a WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

/** What binary format the bytes start with, if a known one. */
export function sniffBinary(buf: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) {
    if (buf.length >= sig.length && sig.every((b, i) => buf[i] === b)) return name;
  }
  return null;
}

/** iconv-lite's name for a charset an HTML page declares, or null when unknown. GB2312 and GBK pages are read
 * as GB18030 (their superset), as browsers do. */
export function charsetName(declared: string): string | null {
  const c = declared.trim().toLowerCase();
  if (/^(gb2312|gbk|x-gbk|gb18030|cp936|euc-cn|gb_2312-80|csgb2312|chinese|iso-ir-58)$/.test(c)) return 'gb18030';
  if (/^(big5|big5-hkscs|x-x-big5|cn-big5|csbig5|cp950)$/.test(c)) return 'big5';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(c)) return 'utf-8';
  if (/^(utf-?16(le)?|unicode)$/.test(c)) return 'utf-16le';
  if (/^utf-?16be$/.test(c)) return 'utf-16be';
  return iconv.encodingExists(c) ? c : null;
}

export interface DecodeOptions {
  /** the charset the file declares (an HTML page's <meta charset>); a BOM still wins, and a declaration the
   * bytes contradict is reported and overruled by detection */
  declared?: string | null;
}

export function decodeBytes(input: Uint8Array, options: DecodeOptions = {}): Decoded {
  const buf = input;
  if (buf.length === 0) throw new DecodeError('empty', 'the file is empty');
  const magic = sniffBinary(buf);
  if (magic) throw new DecodeError('binary', `the file is binary (${magic}), not text`);
  // BOMs
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = iconv.decode(Buffer.from(buf.subarray(3)), 'utf-8');
    return { text, encoding: 'utf-8-bom', confidence: 1, warnings: replacementWarnings(text, 'utf-8') };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    const text = iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le');
    return { text, encoding: 'utf-16le', confidence: 1, warnings: replacementWarnings(text, 'utf-16le') };
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const text = iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be');
    return { text, encoding: 'utf-16be', confidence: 1, warnings: replacementWarnings(text, 'utf-16be') };
  }
  const declaredWarnings: Decoded['warnings'] = [];
  if (options.declared) {
    const enc = charsetName(options.declared);
    if (!enc) {
      declaredWarnings.push({ kind: 'charset', message: `the declared charset ${JSON.stringify(options.declared)} is unknown: detected instead` });
    } else if (enc === 'utf-8') {
      try {
        const text = fatalUtf8.decode(buf);
        return { text, encoding: 'utf-8', confidence: 1, warnings: [] };
      } catch {
        declaredWarnings.push({ kind: 'charset', message: 'the page declares UTF-8 but its bytes are not valid UTF-8: detected instead' });
      }
    } else {
      const text = iconv.decode(Buffer.from(buf), enc);
      if (countReplacement(text) === 0 && (enc.startsWith('utf-16') || plausibility(text) > 0.2 || !HAN.test(text))) {
        return { text, encoding: enc, confidence: 1, warnings: [] };
      }
      declaredWarnings.push({ kind: 'charset', message: `the page declares ${options.declared} but its bytes do not read as that: detected instead` });
    }
  }
  const found = detect(buf);
  if (declaredWarnings.length) found.warnings.unshift(...declaredWarnings);
  return found;
}

/** Control characters that mark binary data (tab, line feed, form feed, carriage return and escape are text). */
const CONTROL = /[\x01-\x08\x0B\x0E-\x1A\x1C-\x1F]/;

function detect(buf: Uint8Array): Decoded {
  // The common case first: no zero byte (so not UTF-16), valid UTF-8 and no control character is UTF-8 text.
  // Only fast scans; anything else takes the full path below, which decides the same for this case.
  if (Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(0) < 0 && isUtf8(buf)) {
    const text = decodeValidUtf8(buf);
    if (text !== null) {
      const ascii = !/[^\x00-\x7f]/.test(text);
      return { text, encoding: ascii ? 'ascii' : 'utf-8', confidence: ascii ? 1 : 0.99, warnings: [] };
    }
  }
  const u16 = utf16Guess(buf);
  if (u16) {
    const text = iconv.decode(Buffer.from(buf), u16);
    if (plausibility(text) > 0.3 || !/[^\x00-\x7f]/.test(text)) {
      return { text, encoding: u16, confidence: 0.8, warnings: replacementWarnings(text, u16) };
    }
  }
  if (controlShare(buf) > 0.05) {
    throw new DecodeError('binary', 'the file holds binary data (control bytes), not text');
  }
  // valid UTF-8?
  try {
    const text = fatalUtf8.decode(buf);
    const ascii = !/[^\x00-\x7f]/.test(text);
    return { text, encoding: ascii ? 'ascii' : 'utf-8', confidence: ascii ? 1 : 0.99, warnings: [] };
  } catch {
    /* not valid UTF-8 */
  }
  const cut = truncatedUtf8(buf);
  if (cut > 0) {
    const text = fatalUtf8.decode(buf.subarray(0, cut));
    return {
      text,
      encoding: 'utf-8',
      confidence: 0.9,
      warnings: [{ kind: 'truncated', message: `the file ends inside a multi-byte character: ${buf.length - cut} byte(s) dropped` }],
    };
  }
  // Candidates: mostly-valid UTF-8 with stray bytes, GB18030, Big5; the most plausible wins.
  const candidates = (['utf-8', 'gb18030', 'big5'] as const).map((enc) => {
    const text = iconv.decode(Buffer.from(buf), enc);
    const bad = countReplacement(text);
    return { enc, text, bad, score: plausibility(text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  const second = candidates[1]!;
  if (best.score < 0.2) {
    throw new DecodeError('undecodable', 'the bytes do not decode as Chinese text in UTF-8, UTF-16, GB18030 or Big5');
  }
  const margin = Math.max(0, Math.min(1, best.score - second.score));
  const confidence = Math.round(Math.min(0.98, 0.5 + margin) * 100) / 100;
  return { text: best.text, encoding: best.enc, confidence, warnings: replacementWarnings(best.text, best.enc) };
}

function replacementWarnings(text: string, enc: string): Decoded['warnings'] {
  const bad = countReplacement(text);
  return bad === 0
    ? []
    : [{ kind: 'invalid-bytes', message: `${bad} byte sequence(s) invalid in ${enc} were replaced by U+FFFD` }];
}
