// Accuracy on the development set of real bulletins (tests/fixtures/shared/dev: public pages, gold by SPEC 3, 5
// and 7). One file of each group (d107 … d607) was kept apart: rules were tuned on the other 36, and the six were
// scored once, with the final rules, so that their floor says how the rules do on text they were not built from.
// Floors are the levels reached, rounded down; raise them as the extractors improve, never lower them.
import { describe } from 'vitest';
import { join } from 'node:path';
import { DEV } from './helpers.js';
import { itMeetsFloors, scoreFolder } from './floors.js';

const KEPT_APART = /^d[1-6]07\.txt$/;
const DOCS = join(DEV, 'docs');
const GOLD = join(DEV, 'dev.gold.jsonl');

// first reading, before any rule was changed for them: amounts .995/.989, percentages .977/.718, counts
// .944/.839, projects .645
describe('accuracy on the 36 tuned files of the real-bulletin dev set', () => {
  itMeetsFloors(scoreFolder(DOCS, GOLD, (f) => !KEPT_APART.test(f)), {
    amount: { f1: 1.0, strict: 1.0 },
    percentage: { f1: 1.0, strict: 1.0 },
    count: { f1: 0.994, strict: 0.971 },
    project: { f1: 0.96, strict: 0.96 },
  });
});

// scored once with the final rules (the rules before tuning read: amounts 1.000/1.000, percentages 1.000/.849,
// counts .980/.816, projects .571): projects far below the tuned files, so their rules still fit the files
// they came from
describe('accuracy on the 6 dev files kept apart (never tuned on)', () => {
  itMeetsFloors(scoreFolder(DOCS, GOLD, (f) => KEPT_APART.test(f)), {
    amount: { f1: 1.0, strict: 1.0 },
    percentage: { f1: 1.0, strict: 0.93 },
    count: { f1: 0.97, strict: 0.81 },
    project: { f1: 0.55, strict: 0.55 },
  });
});
