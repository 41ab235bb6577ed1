// The held-out check: six bulletins written and annotated blind (before reading the extractor code) by someone
// who did not write the rules, in tests/fixtures/heldout/. It prints per-type P/R/F1, strict F1 and attribute
// accuracies, and fails below the level measured when it was written. Raise the floors as the extractors
// improve; never lower them, and never edit the gold to fit the output.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../src/pipeline.js';
import { evaluate, formatReport, loadGold } from '../src/eval.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'tests', 'fixtures', 'heldout');
const GOLD_FILE = join(DIR, 'heldout.gold.jsonl');

// measured on the commit that added this test, rounded down to 0.01
const FLOORS = {
  amount: { f1: 1.0, strict: 1.0 },
  percentage: { f1: 1.0, strict: 1.0 },
  count: { f1: 1.0, strict: 1.0 },
  project: { f1: 0.95, strict: 0.95 },
};

describe('accuracy on the held-out bulletins', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
  const records = files.flatMap((f) => extractBytes(readFileSync(join(DIR, f)), f).records);
  const report = evaluate(loadGold(GOLD_FILE), records, DIR);
  console.log(formatReport(report, !!process.env.HELDOUT_VERBOSE));

  it('has six documents, each with gold items', () => {
    expect(files.length).toBe(6);
    const docs = new Set(loadGold(GOLD_FILE).map((g) => g.doc));
    expect([...docs].sort()).toEqual(files);
  });
  it('resolves every gold quote in its document', () => expect(report.unresolved).toEqual([]));
  for (const [type, floor] of Object.entries(FLOORS)) {
    it(`${type}: F1 ≥ ${floor.f1}, strict F1 ≥ ${floor.strict}`, () => {
      const s = report.types[type as keyof typeof report.types];
      const attrs = Object.entries(s.attributes).map(([a, v]) => `${a} ${v.accuracy.toFixed(3)}`).join(', ');
      const subj = s.subject.total ? ` subject ${(s.subject.right / s.subject.total).toFixed(3)}` : '';
      console.log(
        `${type}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} strict ${s.strictF1.toFixed(3)}` +
          (attrs ? ` | ${attrs}` : '') + subj,
      );
      expect(s.f1).toBeGreaterThanOrEqual(floor.f1 - 1e-9);
      expect(s.strictF1).toBeGreaterThanOrEqual(floor.strict - 1e-9);
    });
  }
});
