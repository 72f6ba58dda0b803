// The popup's side of the policy view: the background explains the policy in force (the popup does not
// bundle decide()); the rows are parsed with the contract's schema.
import browser from 'webextension-polyfill';
import { ask, type MessageInput } from '../messages';
import type { PolicyViewRow } from '../policy/policy-view';

export function fetchPolicyView(): Promise<PolicyViewRow[]> {
  return ask((message: MessageInput) => browser.runtime.sendMessage(message), { type: 'getPolicyView' });
}
