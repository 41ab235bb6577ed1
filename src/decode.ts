// Decode (SPEC 1.1): BOM, valid UTF-8, UTF-16 without BOM, otherwise GB18030 or Big5 chosen by how plausible
// the decoded Chinese is. Decoding is done by iconv-lite; this module only decides which encoding to use and
// how sure it is, and turns undecodable input into a typed failure instead of an exception.
import iconv from 'iconv-lite';
import { COMMON_SIMPLIFIED, COMMON_TRADITIONAL } from './tables/common-chars.js';

export interface Decoded {
  text: string;
  encoding: string;
  confidence: number;
  warnings: { kind: string; message: string }[];
}

export class DecodeError extends Error {
  constructor(
    readonly kind: 'empty' | 'binary' | 'undecodable',
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

export function decodeBytes(input: Uint8Array): Decoded {
  const buf = input;
  if (buf.length === 0) throw new DecodeError('empty', 'the file is empty');
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
