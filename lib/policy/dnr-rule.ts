// The declarativeNetRequest rule shape Gatehouse emits (the subset of chrome.declarativeNetRequest.Rule it uses).
/** The request types Chromium's declarativeNetRequest accepts (Chrome and Edge share this build). */
export const chromiumResourceTypes = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'webtransport',
  'webbundle',
  'other',
] as const;
/** The types only Firefox has (sendBeacon is `beacon` there, srcset images `imageset`). */
export const firefoxOnlyResourceTypes = [
  'beacon',
  'imageset',
  'object_subrequest',
  'xslt',
  'xml_dtd',
  'web_manifest',
] as const;
/** Every request type Chromium's or Firefox's declarativeNetRequest (and webRequest) names. */
export const dnrResourceTypes = [...chromiumResourceTypes, ...firefoxOnlyResourceTypes] as const;
export type DnrResourceType = (typeof dnrResourceTypes)[number];

export interface DnrCondition {
  requestDomains?: string[];
  regexFilter?: string;
  resourceTypes: DnrResourceType[];
  tabIds?: number[];
}

export type DnrAction =
  { type: 'block' } | { type: 'allow' } | { type: 'redirect'; redirect: { regexSubstitution: string } };

export interface DnrRule {
  id: number;
  priority: number;
  action: DnrAction;
  condition: DnrCondition;
}

/** The browser's limits for one set of rules (chrome.declarativeNetRequest constants). */
export interface DnrLimits {
  maxRules: number;
  /** Redirect rules count as "unsafe" in Chrome and have their own, lower limit. */
  maxUnsafeRules: number;
  maxRegexRules: number;
}

/** Dynamic rules: MAX_NUMBER_OF_DYNAMIC_RULES, MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES, MAX_NUMBER_OF_REGEX_RULES. */
export const chromeDnrLimits: DnrLimits = { maxRules: 30_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 };
/** Session rules (Continue grants): MAX_NUMBER_OF_SESSION_RULES; regex rules count per set, as above. */
export const chromeSessionDnrLimits: DnrLimits = {
  maxRules: 5_000,
  maxUnsafeRules: 5_000,
  maxRegexRules: 1_000,
};
/**
 * A static ruleset: GUARANTEED_MINIMUM_STATIC_RULES (more only while other extensions leave room) and the
 * same regex limit; Chrome has no separate limit for static redirects.
 */
export const chromeStaticDnrLimits: DnrLimits = {
  maxRules: 30_000,
  maxUnsafeRules: 30_000,
  maxRegexRules: 1_000,
};

/**
 * The static ruleset of the built-in default policy: the manifest's declarative_net_request.rule_resources
 * entry (path inside the extension; scripts/generate.ts writes it into public/, see static-ruleset.ts).
 */
export const defaultPolicyRuleset = { id: 'default_policy', path: 'rules/default-policy.json' } as const;

/**
 * Where Gatehouse's rules live: `dynamic` holds the policy in force (and `session` its Continue grants, one
 * priority above the warn rule they lift); `static` is the built-in default, shipped in the manifest so it
 * blocks before the service worker has run.
 */
export type DnrRuleset = 'static' | 'dynamic';

/**
 * Static rules rank below every dynamic and session rule: while both are enabled, the policy in force
 * decides wherever it has a rule (the static default only adds blocks where it has none), and a Continue
 * grant beats a static warn redirect. Static ids are numbered apart, so no id means two rules.
 */
export const dnrRulesetLayout: Record<DnrRuleset, { priorityBase: number; idBase: number }> = {
  static: { priorityBase: 0, idBase: 1_000_000_000 },
  dynamic: { priorityBase: 1_000_000, idBase: 0 },
};
