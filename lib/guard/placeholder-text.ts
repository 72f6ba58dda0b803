// The one place redacted text is written: the original text, the findings the background sent for it and
// the tab's placeholders (placeholder-map.ts) give the text the page receives. Every channel that redacts
// (paste, drop, send, clipboard read, text files) goes through here. No redaction engine: it runs in the page.
import type { PiiType } from '../redact/settings';

/** Where the engine found one piece of personal data: UTF-16 offsets into the text it was given. */
export interface FindingSpan {
  type: PiiType;
  start: number;
  end: number;
}

/** The placeholder for one finding, given its type and the original value. */
export type PlaceholderFor = (type: PiiType, value: string) => string;

export interface TextSegment {
  text: string;
  /**
   * True when a block boundary or an attribute separates this segment from the previous one:
   * detection then does not join them ("Name</p><p>a@b.com" is not one e-mail address).
   */
  breakBefore: boolean;
}

/**
 * Thrown when findings do not fit the text they are applied to (out of range, unsorted, overlapping):
 * a verdict for some other text. The caller refuses the input rather than guess.
 */
export class FindingsMismatchError extends Error {
  override readonly name = 'FindingsMismatchError';
}

function checkSpans(spans: readonly FindingSpan[], length: number): void {
  let last = 0;
  for (const span of spans) {
    if (!(span.start >= last && span.end >= span.start && span.end <= length))
      throw new FindingsMismatchError(`finding ${span.start}–${span.end} does not fit a text of ${length}`);
    last = span.end;
  }
}

/** `text` with every finding replaced by its placeholder. */
export function withPlaceholders(
  text: string,
  findings: readonly FindingSpan[],
  placeholder: PlaceholderFor,
): string {
  checkSpans(findings, text.length);
  if (findings.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const finding of findings) {
    parts.push(
      text.slice(last, finding.start),
      placeholder(finding.type, text.slice(finding.start, finding.end)),
    );
    last = finding.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** The segments as one text, the way detection reads them (a line break where `breakBefore` says). */
export function joinSegments(segments: readonly TextSegment[]): { joined: string; starts: number[] } {
  const starts: number[] = [];
  let joined = '';
  for (const segment of segments) {
    if (segment.breakBefore && joined.length > 0) joined += '\n';
    starts.push(joined.length);
    joined += segment.text;
  }
  return { joined, starts };
}

/**
 * The segments with each finding (offsets into joinSegments' text) replaced: the placeholder goes into
 * the segment where the finding starts (or the next one, if it starts on a joining line break); the rest of
 * it is removed from the segments it spans. Segment count and order never change, so the caller can write
 * them back.
 */
export function segmentsWithPlaceholders(
  segments: readonly TextSegment[],
  findings: readonly FindingSpan[],
  placeholder: PlaceholderFor,
): string[] {
  const { joined, starts } = joinSegments(segments);
  checkSpans(findings, joined.length);
  if (findings.length === 0) return segments.map((s) => s.text);
  const out: string[] = [];
  let f = 0;
  segments.forEach((segment, i) => {
    const base = starts[i]!;
    const end = base + segment.text.length;
    const parts: string[] = [];
    let cursor = base;
    // Findings are sorted and disjoint; those that ended before this segment are done.
    while (f < findings.length && findings[f]!.end <= base && findings[f]!.start < base) f++;
    for (let k = f; k < findings.length && findings[k]!.start < end; k++) {
      const finding = findings[k]!;
      const from = Math.max(finding.start, base);
      const to = Math.min(finding.end, end);
      parts.push(joined.slice(cursor, from));
      // Its placeholder goes into the first segment it reaches.
      if (finding.start >= base || (i > 0 && finding.start >= starts[i - 1]! + segments[i - 1]!.text.length))
        parts.push(placeholder(finding.type, joined.slice(finding.start, finding.end)));
      cursor = to;
    }
    parts.push(joined.slice(cursor, end));
    out.push(parts.join(''));
  });
  return out;
}
