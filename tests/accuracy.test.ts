// The accuracy floor: runs the eval on the dev gold and fails below the level reached. Raise the floors as the
// extractors improve; never lower them.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../src/pipeline.js';
import { evaluate, loadGold } from '../src/eval.js';
import { CORPUS, GOLD } from './helpers.js';

const FLOORS = {
  amount: { f1: 1.0, strict: 1.0 },
  percentage: { f1: 1.0, strict: 0.98 },
  count: { f1: 1.0, strict: 1.0 },
  project: { f1: 1.0, strict: 1.0 },
};

describe('accuracy on the dev gold', () => {
  const records = readdirSync(CORPUS).sort().flatMap((f) => extractBytes(readFileSync(join(CORPUS, f)), f).records);
  const report = evaluate(loadGold(GOLD), records, CORPUS);
  it('resolves every gold quote in the corpus', () => expect(report.unresolved).toEqual([]));
  for (const [type, floor] of Object.entries(FLOORS)) {
    it(`${type}: F1 ≥ ${floor.f1}, strict F1 ≥ ${floor.strict}`, () => {
      const s = report.types[type as keyof typeof report.types];
      console.log(`${type}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} strict ${s.strictF1.toFixed(3)}`);
      expect(s.f1).toBeGreaterThanOrEqual(floor.f1 - 1e-9);
      expect(s.strictF1).toBeGreaterThanOrEqual(floor.strict - 1e-9);
    });
  }
});
