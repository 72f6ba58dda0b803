import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../lib/policy/check-policy';
import { defaultPolicy } from '../../../lib/policy/default-policy';
import { policyStatusOf } from '../../../lib/log/policy-status';
import { defaultActivePolicy } from '../../../lib/policy/active-policy';
import { shippedCatalog } from '../../../lib/catalog/shipped-catalog';

const hash = 'pbkdf2-sha256$100000$AQIDBAUGBwgJCgsMDQ4PEA==$AQIDBAUGBwgJCgsMDQ4PEAECAwQFBgcICQoLDA0ODxA=';

describe('policyStatusOf', () => {
  it('nothing stored yet means the built-in default, without a problem', () => {
    const status = policyStatusOf(defaultActivePolicy());
    expect(status).toMatchObject({ name: defaultPolicy().name, source: 'default', problems: [] });
    expect(status.passphraseHash).toBeUndefined();
  });

  it('reads name, version, source, problems, logging and the admin hash of the stored policy', () => {
    const policy = { ...defaultPolicy(), name: 'Acme', version: '7', admin: { passphraseHash: hash } };
    const status = policyStatusOf({ source: 'last-valid', appliedAt: 1, policy, problems: ['bad rule'] });
    expect(status).toMatchObject({
      name: 'Acme',
      version: '7',
      source: 'last-valid',
      problems: ['bad rule'],
    });
    expect(status.passphraseHash).toBe(hash);
    expect(status.logging).toEqual(defaultPolicy().logging);
  });

  it('an unreadable stored value shows the default and says so', () => {
    const status = policyStatusOf(
      defaultActivePolicy(),
      'the stored local value "activePolicy" could not be read',
    );
    expect(status.source).toBe('default');
    expect(status.problems).toEqual([
      'the stored local value "activePolicy" could not be read; showing the default',
    ]);
  });
});

describe('policy admin settings', () => {
  it('accepts a well-formed passphrase hash and names the path of a broken one', () => {
    const base = JSON.parse(JSON.stringify(defaultPolicy())) as Record<string, unknown>;
    expect(checkPolicy({ ...base, admin: { passphraseHash: hash } }, shippedCatalog()).ok).toBe(true);
    const broken = checkPolicy({ ...base, admin: { passphraseHash: 'hunter2' } }, shippedCatalog());
    expect(broken.ok).toBe(false);
    expect(JSON.stringify(broken)).toContain('admin.passphraseHash');
  });

  it('refuses a hash with fewer than 100,000 iterations, naming its path', () => {
    const base = JSON.parse(JSON.stringify(defaultPolicy())) as Record<string, unknown>;
    const weak = hash.replace('$100000$', '$99999$');
    expect(checkPolicy({ ...base, admin: { passphraseHash: weak } }, shippedCatalog())).toEqual({
      ok: false,
      problems: [
        {
          path: 'admin.passphraseHash',
          message: expect.stringMatching(/^99999 PBKDF2 iterations are too few/),
        },
      ],
    });
  });
});
