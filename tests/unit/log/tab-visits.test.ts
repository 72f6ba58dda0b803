import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';
import { visitOnCommit, type TabVisits } from '../../../lib/log/tab-visits';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { decideCompiled } from '../../../lib/policy/decide';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { policySchema } from '../../../lib/policy/policy-schema';
import auditOnly from '../../../policies/examples/audit-only.json';

const audit = compilePolicy(policySchema.parse(auditOnly), shippedCatalog());
const enforced = compilePolicy(defaultPolicy(), shippedCatalog());
const logAllowed = compilePolicy(
  policySchema.parse({ name: 'n', version: '1', logging: { visitedAllowed: true, fullUrls: true } }),
  shippedCatalog(),
);

function visit(compiled: typeof audit, url: string, visits: TabVisits = {}) {
  return visitOnCommit(visits, 1, url, decideCompiled(url, compiled), compiled);
}

describe('visitOnCommit', () => {
  it.each([
    ['audit, blocked service', audit, 'https://chat.deepseek.com/', 'would_block'],
    ['audit, warned service', audit, 'https://chat.qwen.ai/', 'would_warn'],
    ['audit, allowed service, visits not logged', audit, 'https://chatgpt.com/', null],
    ['enforced: the interstitial records it', enforced, 'https://chat.deepseek.com/', null],
    ['enforced, allowed, visits not logged', enforced, 'https://chatgpt.com/', null],
    ['enforced, allowed, visits logged', logAllowed, 'https://chatgpt.com/', 'visited_allowed'],
    ['not an AI service', logAllowed, 'https://example.org/', null],
    ['not a web page', logAllowed, 'chrome://newtab/', null],
  ] as const)('%s', (_name, compiled, url, kind) => {
    expect(visit(compiled, url).event?.kind ?? null).toBe(kind);
  });

  it('is one event per visit: later pages of the service in that tab are the same visit', () => {
    const first = visit(audit, 'https://chat.deepseek.com/');
    const again = visit(audit, 'https://deepseek.com/pricing', first.visits);
    expect(again.event).toBeNull();
    const away = visit(audit, 'https://example.org/', again.visits);
    expect(away.visits).toEqual({});
    expect(visit(audit, 'https://chat.deepseek.com/', away.visits).event?.kind).toBe('would_block');
  });

  it('keeps the full URL only when the policy asks for it', () => {
    expect(visit(logAllowed, 'https://chatgpt.com/c/1?q=x').event).toMatchObject({
      url: 'https://chatgpt.com/c/1?q=x',
      host: 'chatgpt.com',
    });
    expect(visit(audit, 'https://chat.deepseek.com/c?q=x').event).not.toHaveProperty('url');
  });
});
