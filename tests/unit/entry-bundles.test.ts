// Entry points that only show or forward things must not bundle the heavy core they do not run: the catalog,
// policy compiling, the RE2 engine, the redaction engine and its phone-number metadata. Pulling them in once
// grew the popup's script from 33 KB to 274 KB (parsed before the log's first row renders) and the paste
// guard from 119 KB to 258 KB (injected into every frame of every AI site at document start); the block and
// warn pages shared a 142 KB chunk for the same reason (4 KB without it).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'unused',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const heavy =
  /policies\/catalog\.json|lib\/policy\/compile-policy|node_modules\/re2js\/|lib\/redact\/redact\.ts|node_modules\/libphonenumber-js\//;

describe('entry point bundles', () => {
  it.each([
    ['entrypoints/popup/main.tsx', 'components/log-popup.tsx'],
    ['entrypoints/input-guard.content.ts', 'lib/content/input-guard.ts'],
    ['entrypoints/blocked/main.tsx', 'components/block-page.tsx'],
    ['entrypoints/warn/main.tsx', 'components/warn-page.tsx'],
  ])('%s leaves out the catalog, policy compiling, RE2 and the redaction engine', async (entry, ownCode) => {
    const inputs = await bundledInputs(entry);
    expect(inputs).toContain(ownCode); // the bundle was built from the real entry
    expect(inputs.filter((path) => heavy.test(path))).toEqual([]);
  });
});
