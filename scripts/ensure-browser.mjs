// Makes sure a Chromium for the e2e tests exists; installs Debian's package when run as root.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.env.CHROME_PATH) {
  console.error(`CHROME_PATH=${path} does not exist.`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.error(
    'No Chromium at /usr/bin/chromium. Install it (sudo apt-get install -y chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}
console.log('Installing Debian chromium for the e2e tests…');
execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
