// One colour per event kind, shared by the chart and the list, chosen to stay apart for colour-blind readers.
import type { EventKind } from '../lib/log/event-schema';

export const kindColors: Record<EventKind, string> = {
  blocked: '#c0392b',
  warned: '#e67e22',
  continued: '#8e44ad',
  went_back: '#16a085',
  redacted: '#2471a3',
  paste_blocked: '#7b241c',
  paste_override: '#d35400',
  visited_allowed: '#7f8c8d',
  would_block: '#e6b0aa',
  would_warn: '#f5cba7',
  policy_applied: '#1e8449',
  policy_error: '#000000',
  log_pruned: '#b7950b',
  log_flood: '#34495e',
  health: '#5d6d7e',
};

export function kindLabel(t: (key: string) => string, kind: EventKind): string {
  return t(`popup_kind_${kind}`);
}
