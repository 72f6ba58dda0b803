// The background's handler for every message of the contract (lib/messages.ts).
import type { DnrApi } from '../browser/dnr-api';
import type { MessageContract } from '../messages';
import { loadCompiledPolicy } from './current-policy';
import { guardMessageHandlers } from './guard-service';
import { explainPolicy } from '../policy/explain-policy';
import { continueToService, goBack, openInterstitial, requestAccess } from './interstitial-service';
import type { MessageHandlers } from './message-router';

export function messageHandlers(dnr: DnrApi): MessageHandlers<MessageContract> {
  return {
    getInterstitial: (m, tab) => openInterstitial(m.page, m.url, tab),
    continue: (m, tab) => continueToService(dnr, tab, m.nonce, m.justification),
    goBack: (m, tab) => goBack(tab, m.nonce),
    requestAccess: (m, tab) => requestAccess(tab, m.page, m.nonce),
    getPolicyView: async () => explainPolicy((await loadCompiledPolicy()).compiled),
    ...guardMessageHandlers(async () => (await loadCompiledPolicy()).compiled),
  };
}
