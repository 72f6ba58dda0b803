// The background's handler for every message of the contract (lib/messages.ts).
import type { DnrApi } from '../browser/dnr-api';
import type { MessageContract } from '../messages';
import type { TargetBrowser } from '../policy/dnr-resource-types';
import { loadCompiledPolicy } from './current-policy';
import { guardMessageHandlers } from './guard-service';
import { continueToService, goBack, openInterstitial } from './interstitial-service';
import type { MessageHandlers } from './message-router';

export function messageHandlers(dnr: DnrApi, browser: TargetBrowser): MessageHandlers<MessageContract> {
  return {
    getInterstitial: (m, tab) => openInterstitial(m.page, m.url, tab),
    continue: (m, tab) => continueToService(dnr, browser, tab, m.nonce, m.justification),
    goBack: (m, tab) => goBack(tab, m.nonce),
    ...guardMessageHandlers(async () => (await loadCompiledPolicy()).compiled),
  };
}
