// The cells the DNR compiler ranks: one per catalog entry and per policy host below it that changes the
// verdict, in the order and with the ranks HostIndex.lookup and decide() imply.
import { describe, expect, it } from 'vitest';
import { catalogSchema, type ServiceInput } from '../../../lib/catalog/catalog-schema';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { computeDnrCells, type DnrCell } from '../../../lib/policy/dnr-cells';
import {
  encodedPathRegex,
  hostPatternRegex,
  suffixRegex,
  urlPatternRegex,
} from '../../../lib/policy/dnr-regex';
import { policySchema, type PolicyInput, type Rule } from '../../../lib/policy/policy-schema';

function service(id: string, fields: Partial<ServiceInput>): ServiceInput {
  const base = { name: id, operator: id, operatorCountry: 'US', parentCountry: 'US', jurisdiction: 'US' };
  return { id, ...base, confidence: 'high', category: 'chat', ...fields };
}

const catalog = catalogSchema.parse([
  service('chat', { jurisdiction: 'CN', domains: ['example.com'], hosts: ['chat.example.com'] }),
  service('suffix', { hostSuffixes: ['.ai.cloud.test', '-gen.api.test'] }),
  service('path', { jurisdiction: 'CN', urlPatterns: ['tools.test/Chat', '*.hub.test/x/'] }),
  service('pattern', { hostPatterns: ['^m[0-9]+\\.models\\.test$', 'a$b', 'z[0-9]\\.models\\.test'] }),
]);

const cn: PolicyInput['rules'] = [{ id: 'cn', match: { jurisdictions: ['CN'] }, action: 'block' }];

function cells(rules: PolicyInput['rules'], mode: 'enforce' | 'audit' = 'enforce') {
  return computeDnrCells(
    compilePolicy(policySchema.parse({ name: 'p', version: '1', mode, rules }), catalog),
  );
}

/** A cell as a line: domain, condition, rank, verdict. */
function line(cell: DnrCell): string {
  const condition = cell.regex === null ? '-' : cell.spelling === 'direct' ? 'regex' : 'proxy regex';
  const verdict = `${cell.decision.action}/${cell.decision.rule ?? '-'}/${cell.decision.service?.id ?? '-'}`;
  return `${cell.domain ?? '*'} ${condition} [${cell.rank.map((n) => n || 0).join(',')}] ${verdict}`;
}

describe('computeDnrCells', () => {
  it('gives every catalog entry a cell ranked the way the host index orders them', () => {
    const { cells: all, problems } = cells(cn);
    expect(all.map(line)).toEqual([
      'example.com - [3,2,0,0] block/cn/chat',
      'chat.example.com - [3,3,0,0] block/cn/chat',
      // ".ai.cloud.test" is keyed on its host; "-gen.api.test" on the host after its first label.
      'ai.cloud.test regex [2,3,14,0] allow/fallback/suffix',
      'translate.goog proxy regex [2,3,14,0] allow/fallback/suffix',
      'api.test regex [2,2,13,0] allow/fallback/suffix',
      'translate.goog proxy regex [2,2,13,0] allow/fallback/suffix',
      // URL patterns rank by host depth, then prefix length.
      'tools.test regex [4,2,5,0] block/cn/path',
      'translate.goog proxy regex [4,2,5,0] block/cn/path',
      'hub.test regex [4,2,3,0] block/cn/path',
      'translate.goog proxy regex [4,2,3,0] block/cn/path',
      // Earlier host patterns rank higher; one DNR cannot embed is a problem, and still counts.
      '* regex [1,0,0,0] allow/fallback/pattern',
      '* regex [1,-2,0,0] allow/fallback/pattern',
      // A blocked path service's host also blocks %-escaped paths, in the direct spelling only.
      'tools.test regex [4,2,5,0] block/cn/path',
      'hub.test regex [4,2,3,0] block/cn/path',
    ]);
    expect(problems).toEqual(['service "pattern": host pattern a$b cannot be used in a browser rule']);
  });

  it('builds each condition from the entry', () => {
    const { cells: all } = cells(cn);
    expect(all.map((c) => c.regex)).toEqual([
      null,
      null,
      suffixRegex('.ai.cloud.test'),
      suffixRegex('.ai.cloud.test', 'translate-proxy'),
      suffixRegex('-gen.api.test'),
      suffixRegex('-gen.api.test', 'translate-proxy'),
      urlPatternRegex('tools.test', '/chat', false),
      urlPatternRegex('tools.test', '/chat', false, 'translate-proxy'),
      urlPatternRegex('hub.test', '/x/', true),
      urlPatternRegex('hub.test', '/x/', true, 'translate-proxy'),
      hostPatternRegex('^m[0-9]+\\.models\\.test$'),
      hostPatternRegex('z[0-9]\\.models\\.test'),
      encodedPathRegex('tools.test', false),
      encodedPathRegex('hub.test', true),
    ]);
    expect(all.map((c) => c.decision.match?.kind ?? null)).toEqual([
      'host',
      'host',
      'host-suffix',
      'host-suffix',
      'host-suffix',
      'host-suffix',
      'url-pattern',
      'url-pattern',
      'url-pattern',
      'url-pattern',
      'host-pattern',
      'host-pattern',
      'url-pattern',
      'url-pattern',
    ]);
  });

  it('adds no %-escape twin for a path service that is allowed, or in audit mode', () => {
    const allowed = cells([]).cells.filter((c) => c.decision.match?.kind === 'url-pattern');
    expect(allowed).toHaveLength(4);
    const audit = cells(cn, 'audit').cells.filter((c) => c.decision.match?.kind === 'url-pattern');
    expect(audit).toHaveLength(4);
    const warned = cells([{ id: 'w', match: { services: ['path'] }, action: 'warn' }]).cells;
    expect(warned.filter((c) => c.decision.match?.kind === 'url-pattern')).toHaveLength(6);
  });

  it('adds a cell for each policy host below an entry where its verdict differs from the closest one above', () => {
    const rules: Rule[] = [
      { id: 'own-block', match: { hosts: ['b.a.chat.example.com', 'x.other.test'] }, action: 'block' },
      { id: 'own-allow', match: { hosts: ['a.chat.example.com'] }, action: 'allow' },
      // Named, but for another service: the host keeps the verdict above it.
      {
        id: 'other',
        match: { hosts: ['c.chat.example.com', 'd.a.chat.example.com'], services: ['suffix'] },
        action: 'warn',
      },
      ...(cn as Rule[]),
    ] as Rule[];
    const lines = cells(rules)
      .cells.map(line)
      .filter((l) => !l.includes('regex'));
    expect(lines).toEqual([
      // No service: only hosts rules decide, and "other" never applies.
      'x.other.test - [0,0,0,3] block/own-block/-',
      'a.chat.example.com - [0,0,0,4] allow/own-allow/-',
      'b.a.chat.example.com - [0,0,0,5] block/own-block/-',
      'example.com - [3,2,0,0] block/cn/chat',
      'a.chat.example.com - [3,2,0,4] allow/own-allow/chat',
      'b.a.chat.example.com - [3,2,0,5] block/own-block/chat',
      'chat.example.com - [3,3,0,0] block/cn/chat',
      'a.chat.example.com - [3,3,0,4] allow/own-allow/chat',
      'b.a.chat.example.com - [3,3,0,5] block/own-block/chat',
    ]);
  });

  it('ranks a catalog entry by the deepest policy host naming it or a host above it', () => {
    const named = (hosts: string[]) =>
      cells([{ id: 'h', match: { hosts }, action: 'block' }, ...(cn as Rule[])] as Rule[])
        .cells.map(line)
        .filter((l) => / - \[3,/.test(l));
    expect(named(['example.com'])).toEqual([
      'example.com - [3,2,0,2] block/h/chat',
      'chat.example.com - [3,3,0,2] block/h/chat',
    ]);
    expect(named(['example.com', 'chat.example.com'])).toEqual([
      'example.com - [3,2,0,2] block/h/chat',
      'chat.example.com - [3,3,0,3] block/h/chat',
    ]);
  });

  it('gives host-pattern cells only to policy hosts whose subdomains the pattern could match', () => {
    const rules = [
      { id: 'eu', match: { hosts: ['eu.models.test'] }, action: 'block' },
      { id: 'h', match: { hosts: ['models.test', 'elsewhere.test'] }, action: 'warn' },
    ] as Rule[];
    const patternCells = cells(rules).cells.filter(
      (c) => c.decision.match?.kind === 'host-pattern' && c.domain,
    );
    // Both patterns end with ".models.test": elsewhere.test cannot hold a host either matches.
    expect(patternCells.map(line)).toEqual([
      'models.test regex [1,0,0,2] warn/h/pattern',
      'eu.models.test regex [1,0,0,3] block/eu/pattern',
      'models.test regex [1,-2,0,2] warn/h/pattern',
      'eu.models.test regex [1,-2,0,3] block/eu/pattern',
    ]);
  });
});
