// The scoring rules of SPEC 5 that are easy to get wrong: how project names compare.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, projectKey, type GoldItem } from '../src/eval.js';
import type { OutRecord } from '../src/schemas.js';

describe('eval: project names', () => {
  it('ignores quotation marks and · anywhere, and a trailing 项目', () => {
    expect(projectKey('“引汉济渭”二期工程')).toBe('引汉济渭二期工程');
    expect(projectKey('中法·武汉生态示范城项目')).toBe('中法武汉生态示范城');
    expect(projectKey('「大雅河抽水蓄能」项目')).toBe('大雅河抽水蓄能');
    expect(projectKey('项目管理系统')).toBe('项目管理系统');
  });

  it('matches a found name to a gold name that differs only in quotes and ·', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bm-eval-'));
    const text = '全市推进“引汉济渭”二期工程建设。';
    writeFileSync(join(dir, 'a.txt'), text);
    const found = { id: 'x', type: 'project', doc_id: 'x', path: 'a.txt', start: 4, end: 14, text: '“引汉济渭”二期工程',
      context: text, name: '“引汉济渭”二期工程', location: null, amount_ids: [], status: null } as unknown as OutRecord;
    const gold: GoldItem[] = [{ doc: 'a.txt', type: 'project', quote: '引汉济渭', nth: 0, name: '引汉济渭二期工程' }];
    const rep = evaluate(gold, [found], dir);
    expect(rep.types.project.tp).toBe(1);
    expect(rep.types.project.precision).toBe(1);
    expect(evaluate(gold, [{ ...found, name: '引汉济渭' } as OutRecord], dir).types.project.tp).toBe(0);
  });
});
