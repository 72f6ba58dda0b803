import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

// The core's one-way layers: a folder imports only from folders in lower layers (never a sibling or
// anything above). url → catalog → policy → log → interstitial / guard, as README's Layout section says.
const coreLayers = [
  ['problems'],
  ['url', 'redact'],
  ['catalog'],
  ['policy'],
  ['log'],
  ['interstitial', 'guard', 'forward', 'deploy'],
];
const core = coreLayers.flat();
// One folder per execution context, and the thin adapters over browser APIs.
const contexts = ['background', 'content', 'pages', 'browser'];
const lib = (folders) => folders.map((folder) => `./lib/${folder}`);

const coreZones = coreLayers.flatMap((layer, rank) =>
  layer.map((folder) => ({
    target: `./lib/${folder}`,
    from: [
      ...lib(
        coreLayers
          .slice(rank)
          .flat()
          .filter((other) => other !== folder),
      ),
      ...lib(contexts),
      './lib/messages.ts',
    ],
    message: `lib/${folder} is core layer ${rank}: it imports only from lower layers (see README, Layout).`,
  })),
);

const contextZones = [
  {
    target: './lib/background',
    from: lib(['content', 'pages']),
    message: 'the service worker runs neither page code nor content-script code.',
  },
  {
    target: './lib/content',
    from: [...lib(['background', 'pages']), './lib/browser/event-store.ts', './lib/browser/event-db.ts'],
    message: 'content scripts run in web pages: they ask the background by message, never open the log.',
  },
  {
    target: './lib/pages',
    from: lib(['background', 'content']),
    message: 'extension pages ask the background by message (lib/messages.ts).',
  },
  {
    target: './lib/browser',
    from: lib(['background', 'content', 'pages']),
    message: 'lib/browser holds thin adapters over browser APIs: it serves the contexts, never imports them.',
  },
  {
    target: './lib/messages.ts',
    from: lib(contexts),
    message: 'the message contract is core: it names schemas, not context code.',
  },
];

// Globals that exist only in a document: never in the core, the service worker or the adapters.
const domGlobals = ['window', 'document', 'location', 'history', 'localStorage', 'sessionStorage'].map(
  (name) => ({ name, message: `${name} exists only in pages and content scripts (lib/content, lib/pages).` }),
);
const extensionGlobals = [
  { name: 'browser', message: 'browser.* belongs in lib/background, lib/content, lib/pages or lib/browser.' },
  { name: 'chrome', message: 'chrome.* belongs in lib/background, lib/content, lib/pages or lib/browser.' },
];
const coreFiles = [...core.map((folder) => `lib/${folder}/**/*.ts`), 'lib/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.stryker-tmp*/**',
      'reports/**',
      'tests/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      // no-cycle reads the imported files: it needs to parse TypeScript too.
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './lib', from: './entrypoints', message: 'lib/ must not import entry points.' },
            { target: './lib', from: './components', message: 'lib/ must not import components.' },
            { target: './components', from: './entrypoints', message: 'components take data and callbacks.' },
            {
              target: './components',
              from: lib(contexts),
              message: 'components take data and callbacks: the entry point wires them to browser code.',
            },
            { target: './cli', from: './entrypoints', message: 'the CLI uses lib/, not entry points.' },
            {
              target: './cli',
              from: lib(contexts),
              message: 'the CLI runs in Node: core lib/ folders only.',
            },
            ...coreZones,
            ...contextZones,
          ],
        },
      ],
    },
  },
  {
    // Import cycles make the layers meaningless; madge --circular would say the same.
    files: ['lib/**/*.ts', 'components/**/*.tsx', 'entrypoints/**/*.{ts,tsx}', 'cli/**/*.ts'],
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: coreFiles,
    rules: {
      'no-restricted-globals': [
        'error',
        ...extensionGlobals,
        ...domGlobals,
        { name: 'indexedDB', message: 'IndexedDB belongs in lib/browser (event-db.ts, event-store.ts).' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'webextension-polyfill',
              message: 'the core is pure: browser calls live in the context folders.',
            },
            { name: 'wxt/browser', message: 'the core is pure: browser calls live in the context folders.' },
            { name: 'idb', message: 'IndexedDB access lives in lib/browser/.' },
          ],
        },
      ],
    },
  },
  {
    // The service worker and the adapters have no document.
    files: ['lib/background/**/*.ts', 'lib/browser/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['lib/background/**/*.ts', 'lib/content/**/*.ts', 'lib/pages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'idb', message: 'IndexedDB access lives in lib/browser/ (event-store.ts).' }] },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': ['error', ...extensionGlobals] },
  },
);
