// The state of one scan of a text: what has been found so far and, per detector, the position its next
// match may start at (the detectors keep the semantics of a global regex's lastIndex). The single pass in
// scan-text.ts creates one and hands candidates to the detectors, which read and update it.
import { isWordCharCode, type Detection } from './detection';
import type { PiiType } from './settings';

// Scratch space for the runs of digits of the chunk being looked at, shared by every scan: a scan runs to
// completion before the next starts, and allocating typed arrays per paste cost more than a short paste's
// runs. A chunk of more runs grows its scan's own copy.
const sharedRunStarts = new Int32Array(64);
const sharedRunEnds = new Int32Array(64);

export class Scan {
  readonly found: Detection[] = [];
  /** Numeric chunks with enough digits for a phone number, as [start, end, digits] triples, validated last. */
  readonly phoneChunks: number[] = [];
  /** A run of number separators without digits ends here: no number starts before it. */
  digitlessUntil = 0;
  /** Whether an SSN context word (header or label) has been seen so far. */
  ssnMentioned = false;
  /** Whether the German tax id is mentioned anywhere in the text (computed once, when first needed). */
  deTaxIdMentioned: boolean | undefined;

  // Where each detector's next match may start.
  cardNext = 0;
  ibanNext = 0;
  ipv4Next = 0;
  ipv6Next = 0;
  ssnNext = 0;
  ssnTableNext = 0;
  deTaxIdNext = 0;
  frNirNext = 0;
  dniNext = 0;
  nieNext = 0;
  ninoNext = 0;
  codiceFiscaleNext = 0;
  tokenNext = 0;
  authorizationNext = 0;
  assignmentNext = 0;
  privateKeyNext = 0;
  spelledEmailNext = 0;

  // The numeric chunk being looked at: a run of digits and the separators people type between groups.
  chunkStart = 0;
  chunkEnd = 0;
  chunkDigits = 0;
  // Its dots and hyphens (one read after its last digit included): most chunks are dates, times and amounts,
  // and a detector whose format needs three dots (IPv4) or two hyphens (SSN) skips them without reading runs.
  chunkDots = 0;
  chunkHyphens = 0;
  /** Its runs of digits: run r spans [runStarts[r], runEnds[r]). */
  runStarts = sharedRunStarts;
  runEnds = sharedRunEnds;
  runCount = 0;

  constructor(readonly text: string) {}

  push(type: PiiType, start: number, end: number): void {
    this.found.push({ type, start, end });
  }

  /** Records run `r` of the current chunk's runs of digits: [start, end). */
  setRun(r: number, start: number, end: number): void {
    if (r === this.runStarts.length) this.growRuns();
    this.runStarts[r] = start;
    this.runEnds[r] = end;
  }

  private growRuns(): void {
    const starts = new Int32Array(this.runStarts.length * 2);
    starts.set(this.runStarts);
    this.runStarts = starts;
    const ends = new Int32Array(this.runEnds.length * 2);
    ends.set(this.runEnds);
    this.runEnds = ends;
  }
}

/**
 * Whether a number starting at `start` stands alone rather than continuing a word, a version ("1.2"), a
 * range ("1-2") or, unless `slashGlues` is false, a path ("a/1").
 */
export function standsAlone(text: string, start: number, slashGlues = true): boolean {
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  return !(isWordCharCode(before) || before === 46 || before === 45 || (slashGlues && before === 47));
}

/** Which offsets a set of detections covers, asked in any order without a per-offset array. */
export class Coverage {
  private readonly starts: Int32Array;
  /** The furthest end among the spans sorted up to each index. */
  private readonly reach: Int32Array;

  constructor(detections: readonly Detection[]) {
    const sorted = detections.slice().sort((a, b) => a.start - b.start);
    this.starts = new Int32Array(sorted.length);
    this.reach = new Int32Array(sorted.length);
    let reach = 0;
    for (let i = 0; i < sorted.length; i++) {
      this.starts[i] = sorted[i]!.start;
      reach = Math.max(reach, sorted[i]!.end);
      this.reach[i] = reach;
    }
  }

  /** The last answer of `startingBefore`, where the next search starts. */
  private last = 0;

  /**
   * How many spans start before `offset`. The phone walk asks about offsets in text order, so the search
   * gallops forward from the last answer; an offset before it is searched from the first span.
   */
  private startingBefore(offset: number): number {
    const starts = this.starts;
    const n = starts.length;
    let lo = this.last;
    if (lo > 0 && starts[lo - 1]! >= offset) lo = 0;
    // Every span before `lo` starts before `offset`; widen the steps until one does not (or the spans end).
    let hi = lo;
    for (let step = 1; hi < n && starts[hi]! < offset; step *= 2) {
      lo = hi + 1;
      hi += step;
    }
    if (hi > n) hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    this.last = lo;
    return lo;
  }

  /** Whether any span shares an offset with [start, end). */
  overlaps(start: number, end: number): boolean {
    // Of the spans starting before `end`, one reaches past `start` if any overlaps.
    const n = this.startingBefore(end);
    return n > 0 && this.reach[n - 1]! > start;
  }

  covers(offset: number): boolean {
    return this.overlaps(offset, offset + 1);
  }
}
