// Tests found by mutation testing of lib/policy/dnr-cells.ts: rank order, and which policy hosts a
// host-pattern entry can reach.
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../../lib/catalog/catalog-schema';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { compareRanks, computeDnrCells, type DnrCell } from '../../../lib/policy/dnr-cells';
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
    // A pattern has no anchor host: its verdict is decided, and explained, for any host.
    expect(cells[0]!.decision).toMatchObject({
      host: '*',
      reason: '"*" is pattern (data processed in US); the fallback applies → allow',
    });
  });
});

describe('cells of hosts too long for the translate proxy, and of rules with the same action', () => {
  const longSuffix = `.${'a'.repeat(60)}.test`;
  const longHost = `${'b'.repeat(60)}.test`;
  const deepHost = `${'x'.repeat(55)}.tools.test`;
  const catalog = catalogSchema.parse([
    {
      id: 'svc',
      name: 'svc',
      operator: 's',
      operatorCountry: 'CN',
      parentCountry: 'CN',
      jurisdiction: 'CN',
      confidence: 'high',
      category: 'chat',
      hosts: ['chat.example.com'],
      hostSuffixes: [longSuffix],
      urlPatterns: ['tools.test/chat', `${longHost}/chat`],
    },
  ]);
  const rules = [
    { id: 'own', match: { hosts: ['x.chat.example.com', deepHost] }, action: 'block' },
    { id: 'cn', match: { jurisdictions: ['CN'] }, action: 'block' },
  ] as Rule[];
  const compiled = compilePolicy(policySchema.parse({ name: 'p', version: '1', rules }), catalog);
  // Computed inside each test, so that perTest coverage ties the cells to the test that checks them.
  const cellsOf = () => computeDnrCells(compiled).cells;

  it('gives a host whose proxy spelling exceeds one label no proxy twin', () => {
    const all = cellsOf();
    const direct = (c: DnrCell) => c.spelling === 'direct' && c.decision.match?.kind !== 'url-pattern';
    expect(all.filter((c) => c.spelling === 'translate-proxy').map((c) => [c.domain, c.rank])).toEqual([
      ['translate.goog', [4, 2, 5, 0]],
    ]);
    expect(all.filter(direct).map((c) => [c.domain, c.decision.rule])).toEqual([
      [deepHost, 'own'],
      ['x.chat.example.com', 'own'],
      ['chat.example.com', 'cn'],
      ['x.chat.example.com', 'own'],
      [longSuffix.slice(1), 'cn'],
    ]);
  });

  it('emits a policy host whose rule differs even when the action is the same', () => {
    const all = cellsOf();
    const chat = all.filter((c) => c.decision.match?.kind === 'host');
    expect(chat.map((c) => [c.domain, c.rank, c.decision.action, c.decision.rule])).toEqual([
      ['chat.example.com', [3, 3, 0, 0], 'block', 'cn'],
      ['x.chat.example.com', [3, 3, 0, 4], 'block', 'own'],
    ]);
  });
});

describe('policy hosts below an entry', () => {
  const catalog = catalogSchema.parse([
    {
      id: 'svc',
      name: 'svc',
      operator: 's',
      operatorCountry: 'CN',
      parentCountry: 'CN',
      jurisdiction: 'CN',
      confidence: 'high',
      category: 'chat',
      hosts: ['chat.example.com'],
      urlPatterns: ['tools.test/chat'],
    },
  ]);
  const run = (rules: Rule[]) =>
    computeDnrCells(compilePolicy(policySchema.parse({ name: 'p', version: '1', rules }), catalog)).cells;

  it('gives a policy host below a path entry its proxy twin', () => {
    const cells = run([{ id: 'own', match: { hosts: ['y.tools.test'] }, action: 'allow' }] as Rule[]);
    expect(
      cells.filter((c) => c.decision.rule === 'own' && c.decision.service).map((c) => [c.domain, c.spelling]),
    ).toEqual([
      ['y.tools.test', 'direct'],
      ['y-tools-test.translate.goog', 'translate-proxy'],
    ]);
  });

  it('counts only whole labels as parents, and compares a host with the closest emitted one', () => {
    const cells = run([
      {
        id: 'own',
        match: { hosts: ['xchat.example.com', 'aa.chat.example.com', 'cc.bb.aa.chat.example.com'] },
        action: 'allow',
      },
    ] as Rule[]);
    expect(
      cells.filter((c) => c.decision.match?.kind === 'host').map((c) => [c.domain, c.decision.rule]),
    ).toEqual([
      ['chat.example.com', 'fallback'],
      ['aa.chat.example.com', 'own'],
    ]);
  });
});
