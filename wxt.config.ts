import { defineConfig } from 'wxt';
import devExtension from './keys/dev-extension.json' with { type: 'json' };
import { stripCatalogPlugin } from './scripts/strip-catalog-plugin';

// The runner needs a display; on CI or a headless shell WXT only builds and watches.
const hasDisplay = Boolean(process.env.DISPLAY) && !process.env.CI;
const chromiumBinary = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const firefoxBinary = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export default defineConfig({
  imports: false,
  // Firefox too: WXT would otherwise build Manifest V2 for it.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.GATEHOUSE_OUT_DIR ?? '.output',
  webExt: {
    disabled: !hasDisplay,
    binaries: { chrome: chromiumBinary, chromium: chromiumBinary, firefox: firefoxBinary },
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
    // alarms: Continue grants expiring, log retention, the forwarder waking a stopped worker.
    // webRequest: observing (never blocking) the requests DNR blocked below the page, to log them.
    permissions: [
      'storage',
      'unlimitedStorage',
      'declarativeNetRequest',
      'alarms',
      'scripting',
      'tabs',
      'webRequest',
    ],
    // A policy can name any host, DNR redirects need host access to the request URL, and the log
    // pipeline endpoint is the organisation's own.
    host_permissions: ['<all_urls>'],
    // Only the interstitials: a redirect can only land on a web-accessible page. Their scripts and
    // styles load from the extension's own origin and need no exposure.
    web_accessible_resources: [{ resources: ['blocked.html', 'warn.html'], matches: ['<all_urls>'] }],
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // keys/dev-extension.json geckoId: also the default add-on id of `policy compile --target firefox`.
            gecko: { id: devExtension.geckoId, strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
