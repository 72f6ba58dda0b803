// Redacts the text of an HTML paste, given as the segments (text nodes, attribute values) the page would show.
import { findPii, type Finding } from '../redact/redact';
import type { PiiType, RedactionSettings } from '../redact/settings';

export interface TextSegment {
  text: string;
  /**
   * True when a block boundary or an attribute separates this segment from the previous one:
   * detection then does not join them ("Name</p><p>a@b.com" is not one e-mail address).
   */
  breakBefore: boolean;
}

export interface SegmentRedaction {
  segments: string[];
  counts: Partial<Record<PiiType, number>>;
}

/**
 * Finds personal data across segments, so "<b>jane</b>@example.com" is still one e-mail address, and
 * replaces it: the placeholder goes where the finding starts; the rest of it is removed from the
 * segments it spans. Segment count and order never change, so the caller can write them back.
 */
export function redactSegments(
  segments: readonly TextSegment[],
  settings?: Partial<RedactionSettings>,
  placeholder: (finding: Finding, value: string) => string = (f) => `[${f.type}]`,
): SegmentRedaction {
  const starts: number[] = [];
  let joined = '';
  for (const segment of segments) {
    if (segment.breakBefore && joined.length > 0) joined += '\n';
    starts.push(joined.length);
    joined += segment.text;
  }
  const findings = findPii(joined, settings);
  const counts: Partial<Record<PiiType, number>> = {};
  if (findings.length === 0) return { segments: segments.map((s) => s.text), counts };

  const out: string[] = [];
  let f = 0;
  segments.forEach((segment, i) => {
    const base = starts[i]!;
    const end = base + segment.text.length;
    const parts: string[] = [];
    let cursor = base;
    // Findings are sorted and disjoint; skip those that ended before this segment.
    while (f < findings.length && findings[f]!.end <= base) f++;
    for (let k = f; k < findings.length && findings[k]!.start < end; k++) {
      const finding = findings[k]!;
      const from = Math.max(finding.start, base);
      const to = Math.min(finding.end, end);
      parts.push(joined.slice(cursor, from));
      if (finding.start >= base) {
        counts[finding.type] = (counts[finding.type] ?? 0) + 1;
        parts.push(placeholder(finding, joined.slice(finding.start, finding.end)));
      }
      cursor = to;
    }
    parts.push(joined.slice(cursor, end));
    out.push(parts.join(''));
  });
  return { segments: out, counts };
}
