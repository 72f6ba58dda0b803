// Which request types a blocking rule names, per target browser: the one place browsers differ here.
import { chromiumResourceTypes, firefoxOnlyResourceTypes, type DnrResourceType } from './dnr-rule';

export type TargetBrowser = 'chromium' | 'firefox';

const chromium: DnrResourceType[] = [...chromiumResourceTypes];

/**
 * Firefox's declarativeNetRequest rejects rules naming webtransport or webbundle, and has types of its
 * own: sendBeacon is `beacon` (not `ping`), srcset images are `imageset`. (`json` and `speculative` are
 * left out: not every supported Firefox knows `json`, and an unknown type fails the whole update.)
 */
const firefox: DnrResourceType[] = [
  ...chromium.filter((t) => t !== 'webtransport' && t !== 'webbundle'),
  ...firefoxOnlyResourceTypes,
];

export function resourceTypesFor(browser: TargetBrowser): {
  all: DnrResourceType[];
  frames: DnrResourceType[];
  subresources: DnrResourceType[];
} {
  const all = browser === 'firefox' ? firefox : chromium;
  const frames: DnrResourceType[] = ['main_frame', 'sub_frame'];
  return { all, frames, subresources: all.filter((t) => !frames.includes(t)) };
}
