// The README and docs/ speak of the repository as it is: every field the schemas write is described in
// docs/records.md under its record type, every link and every repository path they name exists, and nothing
// points outside the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { BASES, COUNT_CATEGORIES, DIRECTIONS, PERCENT_UNITS, PROJECT_STATUSES, QUALIFIERS, SCHEMAS } from '../src/schemas.js';

const RECORDS_MD = join(ROOT, 'docs', 'records.md');
const PAGES = [join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f))];

/** The text under each heading of a markdown file (up to the next heading of the same or a higher level). */
function sections(md: string): Map<string, string> {
  const out = new Map<string, string>();
  const heads = [...md.matchAll(/^(#{1,6}) (.*)$/gm)];
  heads.forEach((h, i) => {
    const level = h[1]!.length;
    const next = heads.slice(i + 1).find((n) => n[1]!.length <= level);
    out.set(h[2]!.trim(), md.slice(h.index!, next?.index ?? md.length));
  });
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

/** The section whose heading starts with `start`. */
function section(all: Map<string, string>, start: string): string {
  const key = [...all.keys()].find((k) => k.startsWith(start));
  if (!key) throw new Error(`docs/records.md has no section "${start}…"`);
  return all.get(key)!;
}

const keysOf = (schema: unknown) => Object.keys((schema as { shape: Record<string, unknown> }).shape);
const named = (text: string, word: string) => text.includes('`' + word + '`');

describe('docs/records.md, the record contract', () => {
  const md = readFileSync(RECORDS_MD, 'utf8');
  const all = sections(md);
  const common = section(all, 'Every record');

  it('describes every field of every record type under that type (or among the fields every record has)', () => {
    const missing: string[] = [];
    for (const type of ['amount', 'percentage', 'count', 'project'] as const) {
      const own = section(all, type + ':');
      for (const k of keysOf(SCHEMAS[type])) if (!named(own, k) && !named(common, k)) missing.push(`${type}.${k}`);
    }
    for (const k of keysOf(SCHEMAS.document)) if (!named(section(all, 'documents.jsonl'), k)) missing.push(`document.${k}`);
    for (const k of keysOf(SCHEMAS.error)) if (!named(section(all, 'Bad input'), k)) missing.push(`error.${k}`);
    expect(missing, 'fields the schemas write that docs/records.md does not describe').toEqual([]);
  });

  it('names every value of every enumeration', () => {
    const values = [...QUALIFIERS, ...PERCENT_UNITS, ...DIRECTIONS, ...BASES, ...COUNT_CATEGORIES, ...PROJECT_STATUSES];
    expect(values.filter((v) => !named(md, v))).toEqual([]);
  });
});

describe('README.md and docs/*.md', () => {
  for (const page of PAGES) {
    const name = relative(ROOT, page);
    const md = readFileSync(page, 'utf8');

    it(`${name}: links lead to files of the repository and to headings that exist`, () => {
      const bad: string[] = [];
      for (const [, target] of md.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [file, anchor] = target!.split('#') as [string, string | undefined];
        const path = file ? join(dirname(page), file) : page;
        if (!existsSync(path)) bad.push(`${target}: no such file`);
        else if (anchor && path.endsWith('.md')) {
          const heads = [...sections(readFileSync(path, 'utf8')).keys()].map(slug);
          if (!heads.includes(anchor)) bad.push(`${target}: no such heading`);
        }
      }
      expect(bad).toEqual([]);
    });

    it(`${name}: every repository path it names exists, and none is outside the repository`, () => {
      const outside = [...md.matchAll(/(?:^|[\s`(])(\.\.\/[^\s`)]*)/g)].map((m) => m[1]);
      expect(outside, 'paths outside the repository').toEqual([]);
      const missing: string[] = [];
      for (const [, token] of md.matchAll(/`([^`\s]+)`/g)) {
        if (!/^(src|tests|docs|extractors|scripts|bench|dict|corpus|\.ci)\//.test(token!) || /[*{…]/.test(token!)) continue;
        if (!existsSync(join(ROOT, token!))) missing.push(token!);
      }
      expect(missing, 'paths named but not in the repository').toEqual([]);
    });
  }
});
