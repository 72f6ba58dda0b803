import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { checkPolicy, checkPolicyText } from '../../../lib/policy/check-policy';

const catalog = shippedCatalog();
const base = { name: 'p', version: '1' };
const problems = (value: unknown) => {
  const result = checkPolicy(value, catalog);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('every shipped policy bundle is valid', () => {
  const files = [
    'policies/default.json',
    ...readdirSync('policies/examples').map((f) => `policies/examples/${f}`),
  ];
  it.each(files)('%s', (file) => {
    const result = checkPolicyText(readFileSync(file, 'utf8'), catalog);
    expect(result.ok ? result.summary : result.problems).toMatch(/^policy ".+" version/);
  });
  it('includes the three documented examples', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'policies/examples/warn-cn.json',
        'policies/examples/public-sector.json',
        'policies/examples/audit-only.json',
      ]),
    );
  });
});

describe('checkPolicy names each problem by its JSON path', () => {
  it.each([
    [
      'bad action',
      { ...base, rules: [{ id: 'a', match: { services: ['deepseek'] }, action: 'blok' }] },
      'rules[0].action: expected one of allow|warn|block',
    ],
    [
      'empty match',
      { ...base, rules: [{ id: 'a', match: {}, action: 'block' }] },
      'rules[0].match: a rule must match',
    ],
    ['missing name', { version: '1' }, 'name: expected string, received undefined'],
    ['unknown key', { ...base, rulez: [] }, '(root): unknown key "rulez"'],
    [
      'lower-case country',
      { ...base, rules: [{ id: 'a', match: { jurisdictions: ['cn'] }, action: 'block' }] },
      'rules[0].match.jurisdictions[0]: expected an ISO 3166-1 alpha-2 code',
    ],
    [
      'unknown service',
      { ...base, rules: [{ id: 'a', match: { services: ['deepsek'] }, action: 'block' }] },
      'rules[0].match.services[0]: no catalog service "deepsek"',
    ],
    [
      'duplicate rule id',
      {
        ...base,
        rules: [
          { id: 'a', match: { services: ['deepseek'] }, action: 'block' },
          { id: 'a', match: { jurisdictions: ['CN'] }, action: 'block' },
        ],
      },
      'rules[1].id: duplicate rule id "a" (also rules[0])',
    ],
    [
      'unknown send mode on a rule',
      {
        ...base,
        rules: [{ id: 'a', match: { services: ['deepseek'] }, action: 'allow', send: { mode: 'ask' } }],
      },
      'rules[0].send.mode: expected one of redact|block|warn|off',
    ],
    [
      'a file type that is neither an extension nor a MIME type',
      { ...base, uploads: { blockTypes: ['PST files'] } },
      'uploads.blockTypes[0]: expected a lower-case file extension such as ".pst"',
    ],
    ['a scan limit below 1 KiB', { ...base, uploads: { maxScanBytes: 10 } }, 'uploads.maxScanBytes:'],
    [
      'bypass too long',
      { ...base, fallback: { action: 'warn', bypassMinutes: 100000 } },
      'fallback.bypassMinutes:',
    ],
    [
      'override of an unknown service',
      { ...base, catalog: { override: [{ id: 'nope', jurisdiction: 'US' }] } },
      'catalog.override[0].id: no catalog service "nope"',
    ],
    [
      'unknown alternative',
      { ...base, alternatives: ['nope'] },
      'alternatives[0]: no catalog service "nope"',
    ],
  ])('%s', (_name, value, expected) => {
    expect(problems(value).join('\n')).toContain(expected);
  });

  it('an added service may not claim a host the catalog already has', () => {
    const added = {
      id: 'shadow',
      name: 'Shadow',
      operator: 'x',
      operatorCountry: 'US',
      parentCountry: 'US',
      jurisdiction: 'US',
      confidence: 'low',
      category: 'chat',
      hosts: ['chat.deepseek.com'],
    };
    expect(problems({ ...base, catalog: { add: [added] } }).join('\n')).toContain(
      'catalog.add[0].hosts[0]: "chat.deepseek.com" is claimed by both "deepseek" and "shadow"',
    );
  });

  it('reports malformed JSON with line and column', () => {
    const result = checkPolicyText('{\n  "name": "x",\n}', catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: 'line 3, column 1' });
  });

  it('reports truncated JSON', () => {
    const result = checkPolicyText('{"name": ', catalog);
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/invalid JSON/);
  });
});

describe('redaction settings in the bundle', () => {
  it('rejects an admin pattern RE2 cannot compile, naming its path', () => {
    const value = { ...base, redaction: { customPatterns: [{ name: 'code name', pattern: '(?<=x)y' }] } };
    expect(problems(value).join('\n')).toMatch(/^redaction\.customPatterns\[0\]\.pattern: /m);
  });
  it('accepts a linear-time pattern', () => {
    const value = { ...base, redaction: { customPatterns: [{ name: 'project', pattern: 'PRJ-[0-9]{4}' }] } };
    expect(problems(value)).toEqual([]);
  });
});
