// What a block or warn page shows, from decide() on the policy in force (never from the page's own URL).
import type { Service } from '../catalog/catalog-schema';
import type { InterstitialInfo, InterstitialPage, ServiceSummary } from './interstitial-info';
import type { CompiledPolicy } from '../policy/compile-policy';
import type { Decision } from '../policy/decide';
import { whatNext } from './what-next';

export function describeInterstitial(
  page: InterstitialPage,
  url: string,
  compiled: CompiledPolicy,
  decision: Decision,
  nonce: string | null,
  accessNonce: string | null = null,
): InterstitialInfo {
  if (!decision.host) return { ok: false, error: 'not a web address' };
  const next = whatNext(compiled, decision);
  return {
    ok: true,
    page,
    url,
    host: decision.host,
    action: decision.enforced ? decision.action : 'allow',
    service: decision.service ? summarise(decision.service) : null,
    rule: decision.rule,
    message: decision.options?.message ?? null,
    policyName: compiled.policy.name,
    bypassMinutes: decision.options?.bypassMinutes ?? 0,
    requireJustification: decision.options?.requireJustification ?? false,
    next,
    nonce,
    accessNonce: next.requestAccess ? accessNonce : null,
  };
}

function summarise(service: Service): ServiceSummary {
  return {
    id: service.id,
    name: service.name,
    operator: service.operator,
    jurisdiction: service.jurisdiction,
  };
}
