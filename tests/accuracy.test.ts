// The accuracy floor: runs the eval on the dev gold and fails below the level reached. Raise the floors as the
// extractors improve; never lower them.
import { describe } from 'vitest';
import { CORPUS, GOLD } from './helpers.js';
import { itMeetsFloors, scoreFolder } from './floors.js';

const FLOORS = {
  amount: { f1: 1.0, strict: 1.0 },
  percentage: { f1: 1.0, strict: 0.98 },
  count: { f1: 1.0, strict: 1.0 },
  project: { f1: 1.0, strict: 1.0 },
};

describe('accuracy on the dev gold', () => {
  itMeetsFloors(scoreFolder(CORPUS, GOLD), FLOORS);
});
