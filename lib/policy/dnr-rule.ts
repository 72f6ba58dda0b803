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

/** The browser's limits for dynamic rules (chrome.declarativeNetRequest constants). */
export interface DnrLimits {
  maxRules: number;
  /** Redirect rules count as "unsafe" in Chrome and have their own, lower limit. */
  maxUnsafeRules: number;
  maxRegexRules: number;
}

export const chromeDnrLimits: DnrLimits = { maxRules: 30_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 };
