import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

const browserGlobals = [
  { name: 'browser', message: 'lib/ is pure: browser.* belongs in lib/browser/ or entrypoints/.' },
  { name: 'chrome', message: 'lib/ is pure: chrome.* belongs in lib/browser/ or entrypoints/.' },
  { name: 'window', message: 'lib/ is pure: no DOM globals outside lib/browser/.' },
  { name: 'document', message: 'lib/ is pure: no DOM globals outside lib/browser/.' },
  {
    name: 'indexedDB',
    message: 'lib/ is pure: IndexedDB belongs in lib/browser/ or lib/log store adapters.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.stryker-tmp/**',
      'reports/**',
      'tests/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } } },
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
              from: './lib/browser',
              message: 'components must not call browser adapters.',
            },
            { target: './cli', from: './entrypoints', message: 'the CLI uses lib/, not entry points.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/browser/**'],
    rules: { 'no-restricted-globals': ['error', ...browserGlobals] },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/browser/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: 'lib/ is pure: use lib/browser/.' },
            { name: 'wxt/browser', message: 'lib/ is pure: use lib/browser/.' },
            { name: 'idb', message: 'IndexedDB access lives in lib/browser/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': ['error', browserGlobals[0], browserGlobals[1]] },
  },
);
