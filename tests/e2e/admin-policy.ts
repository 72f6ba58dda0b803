// A policy for the admin and employee views: the default's rules, plus approved alternatives, a request
// form and a contact, and one service of the organisation's own. Put in force the way the popup tests do.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { storeActivePolicy } from './log-popup-page';

export const requestForm = 'https://it.example.org/ai-access';

const defaultPolicy = JSON.parse(readFileSync('policies/default.json', 'utf8')) as {
  rules: unknown[];
  [key: string]: unknown;
};

export const adminPolicy = {
  ...defaultPolicy,
  name: 'Acme AI policy',
  version: '12',
  alternatives: ['openai-chatgpt', 'microsoft-copilot'],
  requestAccess: {
    url: `${requestForm}?service={service}&host={host}&rule={rule}`,
    contact: 'the IT service desk, extension 4321',
  },
  catalog: {
    add: [
      {
        id: 'acme-llm',
        name: 'Acme internal assistant',
        operator: 'Acme',
        operatorCountry: 'DE',
        parentCountry: 'DE',
        jurisdiction: 'DE',
        confidence: 'high',
        category: 'chat',
        domains: ['llm.acme.example'],
      },
    ],
  },
};

/**
 * Replaces the policy in force with `adminPolicy` (after the loader's own first run, which it must not race).
 * The browser's blocking rules stay the default's, which this policy's rules are.
 */
export async function putAdminPolicyInForce(extensionPage: Page): Promise<void> {
  await storeActivePolicy(extensionPage, {
    source: 'managed',
    appliedAt: Date.now(),
    policy: adminPolicy,
    problems: [],
  });
}
