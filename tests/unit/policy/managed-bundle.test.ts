import { describe, expect, it } from 'vitest';
import { readManagedBundle } from '../../../lib/policy/managed-bundle';

describe('readManagedBundle', () => {
  it.each([
    ['nothing set: the administrator removed the policy', {}, { kind: 'absent' }],
    [
      'JSON text',
      { policyJson: '{"name":"n","version":"1"}' },
      { kind: 'bundle', key: 'policyJson', value: { name: 'n', version: '1' } },
    ],
    [
      'the object form of older deployments',
      { policy: { name: 'n' } },
      { kind: 'bundle', key: 'policy', value: { name: 'n' } },
    ],
    [
      'both: the JSON text wins',
      { policyJson: '{"name":"text"}', policy: { name: 'object' } },
      { kind: 'bundle', key: 'policyJson', value: { name: 'text' } },
    ],
    [
      'JSON text holding null is a bundle (checkPolicy refuses it), not a removal',
      { policyJson: 'null' },
      { kind: 'bundle', key: 'policyJson', value: null },
    ],
  ])('%s', (_name, values, expected) => {
    expect(readManagedBundle(values)).toEqual(expected);
  });

  it.each([
    ['text that is not JSON', { policyJson: '{"name": ' }, /^policyJson: line 1, column \d+: invalid JSON/],
    [
      'an object where text belongs',
      { policyJson: { name: 'n' } },
      /^policyJson must be the bundle as JSON text \(a string\), not an object$/,
    ],
    ['a number', { policyJson: 3 }, /not a number$/],
  ])('refuses %s, saying what is wrong', (_name, values, problem) => {
    const read = readManagedBundle(values);
    expect(read.kind).toBe('unreadable');
    expect(read.kind === 'unreadable' ? read.problem : '').toMatch(problem);
  });
});
