import { defineConfig } from 'wxt';
import devExtension from './keys/dev-extension.json' with { type: 'json' };
import { stripCatalogPlugin } from './scripts/strip-catalog-plugin';

// The runner needs a display; on CI or a headless shell WXT only builds and watches.
const hasDisplay = Boolean(process.env.DISPLAY) && !process.env.CI;
const chromiumBinary = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.GATEHOUSE_OUT_DIR ?? '.output',
  webExt: {
    disabled: !hasDisplay,
    binaries: { chrome: chromiumBinary, chromium: chromiumBinary },
    // Chromium refuses to start as root without --no-sandbox (containers, CI machines).
    chromiumArgs: ['--no-first-run', '--disable-sync', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [stripCatalogPlugin()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    // A pinned key gives development and test builds the stable id documented in README.
    ...(browser === 'firefox' ? {} : { key: devExtension.key }),
    // alarms: log retention and the forwarder waking a stopped worker; host permission: the log pipeline endpoint.
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    host_permissions: ['<all_urls>'],
    storage: { managed_schema: 'managed_schema.json' },
  }),
});
