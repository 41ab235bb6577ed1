// SPEC 6: the same document in UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM, GB18030 and (traditional text,
// where every character is encodable) Big5 gives identical records: same values, spans, text and context;
// only doc_id (and the id that starts with it) differ, since the bytes differ. Runs the real CLI once.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CORPUS } from './helpers.js';
import { cli, jsonl, tmp } from './cli-helpers.js';

const ENCODINGS: Record<string, (text: string) => Buffer | null> = {
  'utf-8': (t) => Buffer.from(t, 'utf8'),
  'utf-8-bom': (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
  'utf-16le': (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')]),
  'utf-16be': (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')]),
  gb18030: (t) => iconv.encode(t, 'gb18030'),
  // Big5 only where the text survives the round trip (Big5 lacks some characters, e.g. simplified ones)
  big5: (t) => {
    const b = iconv.encode(t, 'big5');
    return iconv.decode(b, 'big5') === t ? b : null;
  },
};

type Rec = Record<string, unknown> & { path: string; id: string; doc_id: string };
type Doc = Record<string, unknown> & { path: string; script: string; encoding: string; doc_id: string; sha256: string; bytes: number; encoding_confidence: number };

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
let byEnc: Record<string, Map<string, { records: Rec[]; doc?: Doc }>>;
const big5Docs: string[] = [];

/** A record without what depends on the bytes (doc_id, the id's prefix, path). */
function comparable(r: Rec) {
  const { doc_id: _d, id, path: _p, ...rest } = r;
  const ids = (r.amount_ids as string[] | undefined)?.map((x) => x.slice(17));
  return { ...rest, id: id.slice(17), ...(ids ? { amount_ids: ids } : {}) };
}

beforeAll(() => {
  const dir = tmp('enc');
  const out = tmp('enc-out');
  for (const [enc, encode] of Object.entries(ENCODINGS)) {
    mkdirSync(join(dir, enc));
    for (const f of files) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      const b = encode(text);
      if (!b) continue;
      if (enc === 'big5') big5Docs.push(f);
      writeFileSync(join(dir, enc, f), b);
    }
  }
  const r = cli(['extract', dir, '-o', out, '-q']);
  expect(r.status).toBe(0);
  byEnc = {};
  for (const enc of Object.keys(ENCODINGS)) byEnc[enc] = new Map();
  const slot = (path: string) => {
    const [enc, f] = path.split('/') as [string, string];
    if (!byEnc[enc]!.has(f)) byEnc[enc]!.set(f, { records: [] });
    return byEnc[enc]!.get(f)!;
  };
  for (const rec of jsonl<Rec>(join(out, 'records.jsonl'))) slot(rec.path).records.push(rec);
  for (const d of jsonl<Doc>(join(out, 'documents.jsonl'))) slot(d.path).doc = d;
  expect(jsonl(join(out, 'errors.jsonl'))).toEqual([]);
}, 180_000);

describe('the corpus re-encoded', () => {
  it('has records in UTF-8 to compare with', () => {
    for (const f of files) expect(byEnc['utf-8']!.get(f)!.records.length).toBeGreaterThan(0);
  });
  it('has traditional documents that Big5 can hold', () => {
    expect(big5Docs.length).toBeGreaterThan(0);
  });
  for (const enc of Object.keys(ENCODINGS).filter((e) => e !== 'utf-8')) {
    it(`${enc}: identical records and document fields`, () => {
      const docs = enc === 'big5' ? big5Docs : files;
      for (const f of docs) {
        const base = byEnc['utf-8']!.get(f)!;
        const got = byEnc[enc]!.get(f);
        expect(got, `${enc}/${f}`).toBeTruthy();
        expect(got!.records.map(comparable), `${enc}/${f}`).toEqual(base.records.map(comparable));
        expect(got!.doc!.encoding).toBe(enc === 'utf-8-bom' ? 'utf-8-bom' : enc);
        const { doc_id: _a, sha256: _b, bytes: _c, path: _d, encoding: _e, encoding_confidence: _f, ...rest } = got!.doc!;
        const { doc_id: _a2, sha256: _b2, bytes: _c2, path: _d2, encoding: _e2, encoding_confidence: _f2, ...baseRest } = base.doc!;
        expect(rest, `${enc}/${f}`).toEqual(baseRest);
        expect(got!.doc!.doc_id).not.toBe(base.doc!.doc_id);
      }
    });
  }
});
