import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatZodIssues } from '../../../lib/problems/format-problems';

const issue = (depth: number): z.core.$ZodIssue => ({
  code: 'custom',
  path: Array.from({ length: depth }, (_, i) => `k${i}`),
  message: `depth ${depth}`,
  input: 1,
});

describe('formatZodIssues', () => {
  it('reports the deepest union branch, even one with 200,000 issues, without running out of stack', () => {
    const wide = [...Array.from({ length: 200_000 }, () => issue(1)), issue(4)];
    const errors = [[issue(3)], wide];
    const union = {
      code: 'invalid_union',
      path: ['forwarding'],
      errors,
      message: 'x',
      input: 1,
    } as z.core.$ZodIssue;
    const problems = formatZodIssues([union]);
    expect(problems).toHaveLength(200_001);
    expect(problems.at(-1)).toEqual({ path: 'forwarding.k0.k1.k2.k3', message: 'depth 4' });
  });
});
