// Makes sure the browser an e2e suite drives exists; installs Debian's package when run as root.
// `node scripts/ensure-browser.mjs` checks Chromium (CHROME_PATH), `… firefox` Firefox ESR (FIREFOX_PATH).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = {
  chromium: { variable: 'CHROME_PATH', path: '/usr/bin/chromium', name: 'Chromium', debian: 'chromium' },
  firefox: {
    variable: 'FIREFOX_PATH',
    path: '/usr/bin/firefox-esr',
    name: 'Firefox ESR',
    debian: 'firefox-esr',
  },
};
const browser = browsers[process.argv[2] ?? 'chromium'];
if (!browser) {
  console.error(`Unknown browser ${process.argv[2]}: chromium or firefox.`);
  process.exit(1);
}
const path = process.env[browser.variable] ?? browser.path;
if (existsSync(path)) process.exit(0);
if (process.env[browser.variable]) {
  console.error(`${browser.variable}=${path} does not exist.`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.error(
    `No ${browser.name} at ${browser.path}. Install it (sudo apt-get install -y ${browser.debian}) or set ${browser.variable}.`,
  );
  process.exit(1);
}
console.log(`Installing Debian ${browser.debian} for the e2e tests…`);
execSync(`apt-get update && apt-get install -y ${browser.debian}`, { stdio: 'inherit' });
