// The built-in default policy as a static DNR ruleset: generated at build time by the same compiler and
// declared (enabled) in the manifest, so it blocks from the moment the extension loads, before the
// service worker has run. Its rules rank below every dynamic rule (dnrRulesetLayout); the worker may switch it
// off with updateEnabledRulesets once a managed policy's dynamic rules are in place.
import { shippedCatalog } from '../catalog/shipped-catalog';
import { compileDnrRules, type DnrCompileResult } from './compile-dnr-rules';
import { compilePolicy } from './compile-policy';
import { defaultPolicy } from './default-policy';
import { chromeStaticDnrLimits } from './dnr-rule';

/**
 * A static rule cannot ask the browser for the extension's URL, so the interstitials are named by the
 * extension id the build is signed for (the manifest key pins it).
 */
export function defaultPolicyStaticRules(extensionId: string): DnrCompileResult {
  const origin = `chrome-extension://${extensionId}`;
  return compileDnrRules(compilePolicy(defaultPolicy(), shippedCatalog()), {
    browser: 'chromium',
    blockPageUrl: `${origin}/blocked.html`,
    warnPageUrl: `${origin}/warn.html`,
    limits: chromeStaticDnrLimits,
    ruleset: 'static',
  });
}
