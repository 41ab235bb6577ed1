// The start-up baseline of SPEC 6 and issue 17: bare `node` loading nodejieba's dictionaries (with the project's user
// dictionary, as extract loads them) and cutting one line. The bench times this process end to end against
// `extract` of one short document.
import { createRequire } from 'node:module';
import { USER_DICT } from '../src/segment.js';

const jieba = createRequire(import.meta.url)('nodejieba') as { load(o: { userDict: string }): void; cut(t: string, hmm: boolean): string[] };
jieba.load({ userDict: USER_DICT });
jieba.cut('全市完成固定资产投资161.2亿元,同比增长7.3%。', false);
