// The admin popup only shows the stored policy and the log: it must not bundle what compiling a policy
// needs (the catalog, the RE2 engine, the redaction engine). Pulling them in once grew the popup's script
// from 33 KB to 274 KB, parsed before the first row of the log can render.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function popupInputs(): Promise<string[]> {
  const result = await build({
    entryPoints: ['entrypoints/popup/main.tsx'],
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

describe('popup bundle', () => {
  it('leaves out the catalog, policy compiling, RE2 and the redaction engine', async () => {
    const inputs = await popupInputs();
    expect(inputs).toContain('components/log-popup.tsx'); // the bundle was built from the real entry
    const heavy = inputs.filter((path) =>
      /policies\/catalog\.json|lib\/policy\/compile-policy|node_modules\/re2js\/|lib\/redact\/redact\.ts/.test(
        path,
      ),
    );
    expect(heavy).toEqual([]);
  });
});
