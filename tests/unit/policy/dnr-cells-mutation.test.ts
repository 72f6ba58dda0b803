// Tests found by mutation testing of lib/policy/dnr-cells.ts: rank order, and which policy hosts a
// host-pattern entry can reach.
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../../lib/catalog/catalog-schema';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { compareRanks, computeDnrCells } from '../../../lib/policy/dnr-cells';
import { policySchema, type Rule } from '../../../lib/policy/policy-schema';

describe('compareRanks', () => {
  it.each([
    [[1, 2], [1, 3], -1],
    [[1, 3], [1, 2], 1],
    [[2], [1, 5], 1],
    [[1], [1, 2], -2],
    [[1, -2], [1], -2],
    [[1], [1, 0], 0],
    [[3, 2, 0, 4], [3, 2, 0, 4], 0],
  ])('compares %j with %j element by element, a missing one as 0', (a, b, sign) => {
    expect(compareRanks(a, b)).toBe(sign);
  });
});

describe('host-pattern cells', () => {
  const catalog = catalogSchema.parse([
    {
      id: 'pattern',
      name: 'pattern',
      operator: 'p',
      operatorCountry: 'US',
      parentCountry: 'US',
      jurisdiction: 'US',
      confidence: 'high',
      category: 'chat',
      hostPatterns: ['^m[0-9]+\\.eu\\.models\\.test$'],
    },
  ]);
  const rules = [
    { id: 'above', match: { hosts: ['models.test'] }, action: 'block' },
    { id: 'elsewhere', match: { hosts: ['us.models.test'] }, action: 'warn' },
  ] as Rule[];

  it('reach a policy host above every host the pattern can match, and no sibling of it', () => {
    const compiled = compilePolicy(policySchema.parse({ name: 'p', version: '1', rules }), catalog);
    const cells = computeDnrCells(compiled).cells.filter((c) => c.decision.match?.kind === 'host-pattern');
    expect(cells.map((c) => [c.domain, c.rank, c.decision.action, c.decision.rule])).toEqual([
      [null, [1, -0, 0, 0], 'allow', 'fallback'],
      ['models.test', [1, -0, 0, 2], 'block', 'above'],
    ]);
  });
});
