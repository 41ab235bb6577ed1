// Shared by the accuracy tests: extract a folder of bulletins, score it against a gold file, and assert floors.
import { it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../src/pipeline.js';
import { evaluate, loadGold, type EvalReport } from '../src/eval.js';

export type Floors = Record<string, { f1: number; strict: number }>;

/** Extract every .txt of `dir` that `keep` keeps (all by default) and score it against the items of `goldFile`
 * for those files. */
export function scoreFolder(dir: string, goldFile: string, keep: (file: string) => boolean = () => true): EvalReport {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && keep(f)).sort();
  const records = files.flatMap((f) => extractBytes(readFileSync(join(dir, f)), f).records);
  return evaluate(loadGold(goldFile).filter((g) => keep(g.doc)), records, dir);
}

/** One test per record type: F1 and strict F1 at least the floor (printed with the attribute accuracies). */
export function itMeetsFloors(report: EvalReport, floors: Floors): void {
  it('resolves every gold quote in its document', () => expect(report.unresolved).toEqual([]));
  for (const [type, floor] of Object.entries(floors)) {
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
}
