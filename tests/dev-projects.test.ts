// Named projects on the development set of real bulletins (tests/fixtures/shared/dev, issue 14). The rules were
// tuned on 36 of its 42 files; one file of each group (d107, d207, d307, d407, d507, d607) was kept unread until a
// single final reading. Two floors, named apart: the tuned files, and the six kept ones. Raise them as the
// extractor improves; never lower them.
import { describe } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../src/pipeline.js';
import { evaluate, loadGold } from '../src/eval.js';
import { DEV } from './helpers.js';
import { itMeetsFloors } from './floors.js';

const DOCS = join(DEV, 'docs');
const KEPT = new Set(['d107.txt', 'd207.txt', 'd307.txt', 'd407.txt', 'd507.txt', 'd607.txt']);

/** The project score of the dev files that `keep` selects, against their gold lines only. */
function projectReport(keep: (file: string) => boolean) {
  const files = readdirSync(DOCS).filter((f) => f.endsWith('.txt') && keep(f)).sort();
  const records = files.flatMap((f) => extractBytes(readFileSync(join(DOCS, f)), f).records);
  const gold = loadGold(join(DEV, 'dev.gold.jsonl')).filter((g) => keep(g.doc));
  return evaluate(gold, records, DOCS);
}

// measured on the final rules, rounded down to 0.01 (blind reading on the 36 files before tuning: .645)
describe('named projects on the 36 tuned dev files', () => {
  itMeetsFloors(projectReport((f) => !KEPT.has(f)), { project: { f1: 0.96, strict: 0.96 } });
});

// the six kept files, scored once with the final rules (.556: 18 gold names, 18 found, 10 right; the rules
// before tuning read .571 on them): far below the tuned files, so the rules still fit the files they came from
describe('named projects on the 6 kept dev files (never tuned on)', () => {
  itMeetsFloors(projectReport((f) => KEPT.has(f)), { project: { f1: 0.55, strict: 0.55 } });
});
