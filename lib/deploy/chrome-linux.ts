// chrome-linux: one JSON file for /etc/opt/chrome/policies/managed/ or /etc/chromium/policies/managed/.
import type { ChromiumPolicySet } from './chromium-policy-set';

export function chromeLinuxPolicyFile(set: ChromiumPolicySet): string {
  const file = {
    ...set.browser,
    '3rdparty': { extensions: { [set.extensionId]: set.extension } },
  };
  return JSON.stringify(file, null, 2) + '\n';
}
