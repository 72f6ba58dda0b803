import { describe, expect, it } from 'vitest';
import { windowsRegFile } from '../../../lib/deploy/windows-reg';

describe('windowsRegFile', () => {
  it('writes a list policy of 200,000 entries, one numbered value each', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `id${i}`);
    const text = windowsRegFile(
      {
        extensionId: 'x',
        browser: { ExtensionInstallAllowlist: ids },
        extension: { policyJson: JSON.stringify({ name: 'n', version: '1' }) },
      },
      'chrome',
      'big',
    );
    expect(text).toContain('"1"="id0"');
    expect(text).toContain('"200000"="id199999"');
  });
});
