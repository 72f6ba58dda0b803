// The background's handler for every message of the contract (lib/messages.ts).
import type { DnrApi } from '../browser/dnr-api';
import type { MessageContract } from '../messages';
import type { TargetBrowser } from '../policy/dnr-resource-types';
import { createPolicyCache } from './current-policy';
import { guardMessageHandlers } from './guard-service';
import { explainPolicy } from '../policy/explain-policy';
import { continueToService, goBack, openInterstitial, requestAccess } from './interstitial-service';
import type { MessageHandlers } from './message-router';
import { placeholderMessageHandlers } from './placeholder-store';
import { onPolicyApplied } from './policy-applied';

export function messageHandlers(dnr: DnrApi, browser: TargetBrowser): MessageHandlers<MessageContract> {
  // The input guard asks on every send and paste: it reads the policy from memory.
  const policy = createPolicyCache();
  onPolicyApplied(policy.forget);
  return {
    getInterstitial: (m, tab) => openInterstitial(m.page, m.url, tab),
    continue: (m, tab) => continueToService(dnr, browser, tab, m.nonce, m.justification),
    goBack: (m, tab) => goBack(tab, m.nonce),
    requestAccess: (m, tab) => requestAccess(tab, m.page, m.nonce),
    getPolicyView: async () => explainPolicy(await policy.compiled()),
    ...guardMessageHandlers(policy.compiled),
    ...placeholderMessageHandlers(policy.compiled),
  };
}
