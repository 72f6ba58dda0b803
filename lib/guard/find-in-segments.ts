// Finds personal data in the text of an HTML paste (or a rich composer), given as the segments (text
// nodes, attribute values) the page would show: across inline elements, so "<b>jane</b>@example.com" is
// still one e-mail address, but not across blocks. placeholder-text.ts writes the placeholders.
import { findPii } from '../redact/redact';
import type { RedactionSettings } from '../redact/settings';
import { joinSegments, type FindingSpan, type TextSegment } from './placeholder-text';

/** Findings as offsets into joinSegments(segments).joined. */
export function findInSegments(
  segments: readonly TextSegment[],
  settings?: Partial<RedactionSettings>,
): FindingSpan[] {
  return spansOf(findPii(joinSegments(segments).joined, settings));
}

/** The engine's findings as the verdict carries them: type and offsets only. */
export function spansOf(findings: readonly FindingSpan[]): FindingSpan[] {
  return findings.map(({ type, start, end }) => ({ type, start, end }));
}
