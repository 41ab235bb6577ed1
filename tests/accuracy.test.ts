// The accuracy floor on the seeds gold (the five bulletins of corpus/, tests/fixtures/shared/gold/seeds.gold.jsonl):
// runs the eval and fails below the level reached. Raise the floors as the extractors improve; never lower them.
import { describe } from 'vitest';
import { CORPUS, GOLD } from './helpers.js';
import { itMeetsFloors, scoreFolder } from './floors.js';

const FLOORS = {
  amount: { f1: 1.0, strict: 1.0 },
  percentage: { f1: 1.0, strict: 0.98 },
  count: { f1: 1.0, strict: 1.0 },
  project: { f1: 1.0, strict: 1.0 },
};

describe('accuracy on the seeds gold', () => {
  itMeetsFloors(scoreFolder(CORPUS, GOLD), FLOORS);
});
