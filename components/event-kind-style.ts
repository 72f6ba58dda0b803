// One colour per event kind, shared by the chart and the list. Each keeps 3:1 against both the light and
// the dark popup background (WCAG 1.4.11); labels always accompany them, so no reader needs the colour.
import type { EventKind } from '../lib/log/event-schema';

export const kindColors: Record<EventKind, string> = {
  blocked: '#c0392b',
  warned: '#c8641a',
  continued: '#9b59b6',
  went_back: '#16a085',
  redacted: '#2471a3',
  paste_blocked: '#d81b60',
  paste_override: '#a8770a',
  upload_redacted: '#2e86c1',
  upload_blocked: '#cc3d3d',
  upload_override: '#b8651b',
  guard_unavailable: '#7a7a7a',
  visited_allowed: '#839192',
  would_block: '#e74c3c',
  would_warn: '#d0603a',
  access_requested: '#6c5ce7',
  policy_applied: '#1e8449',
  policy_error: '#5d6d7e',
  log_pruned: '#8d8d1f',
  log_flood: '#6b8e23',
  health: '#0e7c86',
};

export function kindLabel(t: (key: string) => string, kind: EventKind): string {
  return t(`popup_kind_${kind}`);
}
