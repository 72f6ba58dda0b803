// The engine's entry points: find personal data and secrets in a paste, and replace them with placeholders.
import { compileCustomMatchers, detectCustom, hasCustomMatchers, type CustomMatchers } from './detect-custom';
import type { Detection } from './detection';
import { identityOffsets, normaliseText } from './normalise-text';
import { numberedPlaceholder, PlaceholderNumbers, typedPlaceholder } from './placeholders';
import { scanText } from './scan-text';
export {
  validateRedactionSettings,
  type CustomPatternCheck,
  type SettingsProblem,
  type SettingsValidation,
} from './validate-settings';
import { redactionSettingsSchema, type PiiType, type RedactionSettings } from './settings';

export interface Finding {
  type: PiiType;
  start: number;
  end: number;
  /** Name of the custom pattern or dictionary that matched (CUSTOM findings only). */
  label?: string;
}

export interface RedactionResult {
  text: string;
  findings: Finding[];
  counts: Partial<Record<PiiType, number>>;
}

/**
 * Thrown by findPii/redactText when the text is longer than `maxInputChars`. The engine never scans
 * part of a paste, so callers must catch this and refuse (or block) the paste as a whole.
 */
export class RedactionInputTooLargeError extends Error {
  override readonly name = 'RedactionInputTooLargeError';
  constructor(
    readonly length: number,
    readonly maxInputChars: number,
  ) {
    super(`Text of ${length} characters exceeds the redaction limit of ${maxInputChars} characters`);
  }
}

// When two overlapping findings are equally long, the type listed first wins.
const priorityOrder: PiiType[] = [
  'CUSTOM', // the organisation's own terms win over built-in guesses
  'API_KEY',
  'EMAIL',
  'IBAN',
  'CREDIT_CARD',
  'IT_CODICE_FISCALE',
  'FR_NIR',
  'DE_TAX_ID',
  'UK_NINO',
  'ES_DNI',
  'US_SSN',
  'IP_ADDRESS',
  'PHONE',
];
const priority = Object.fromEntries(priorityOrder.map((type, i) => [type, i])) as Record<PiiType, number>;

interface CompiledSettings {
  settings: RedactionSettings;
  types: ReadonlySet<PiiType>;
  custom: CustomMatchers;
}

// The paste guard calls the engine once per paste with the same settings object: compile once.
const compiledCache = new WeakMap<object, CompiledSettings>();
let compiledDefaults: CompiledSettings | undefined;

function compile(partial: Partial<RedactionSettings> | undefined): CompiledSettings {
  if (partial === undefined) return (compiledDefaults ??= compileSettings(redactionSettingsSchema.parse({})));
  let compiled = compiledCache.get(partial);
  if (!compiled) {
    compiled = compileSettings(redactionSettingsSchema.parse(partial));
    compiledCache.set(partial, compiled);
  }
  return compiled;
}

function compileSettings(settings: RedactionSettings): CompiledSettings {
  const types = new Set(settings.types);
  return {
    settings,
    types,
    custom: compileCustomMatchers(types.has('CUSTOM') ? settings : { customPatterns: [], dictionaries: [] }),
  };
}

/**
 * Keeps the longest of overlapping detections (then the higher-priority type, then the earliest) and sorts
 * by start. Longest first means a finding never cuts a bigger one short: a dictionary term inside an e-mail
 * address leaves the whole address redacted, not just the term with the rest of the address in clear.
 * Detections are grouped into runs that overlap one another; a choice in one run cannot affect another, so
 * only runs of two or more are ranked, each marking its taken offsets in a buffer as long as the run.
 */
function resolveOverlaps(detections: Detection[]): Detection[] {
  if (detections.length < 2) return detections;
  // By start, and longer first at the same start, so an empty span there joins the longer one's run.
  const byStart = detections.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Detection[] = [];
  for (let i = 0; i < byStart.length;) {
    let runEnd = byStart[i]!.end;
    let j = i + 1;
    while (j < byStart.length && byStart[j]!.start < runEnd) runEnd = Math.max(runEnd, byStart[j++]!.end);
    if (j === i + 1) kept.push(byStart[i]!);
    else for (const d of resolveRun(byStart.slice(i, j), byStart[i]!.start, runEnd)) kept.push(d);
    i = j;
  }
  return kept;
}

/** Greedy longest-first choice among detections that lie within [from, to), returned sorted by start. */
function resolveRun(run: Detection[], from: number, to: number): Detection[] {
  const ranked = run.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || priority[a.type] - priority[b.type] || a.start - b.start,
  );
  // 0 = free, 2 = first offset of a kept span, 1 = the rest of it.
  const taken = new Uint8Array(to - from + 1);
  const kept: Detection[] = [];
  for (const candidate of ranked) {
    const start = candidate.start - from;
    const end = candidate.end - from;
    // An empty span collides only with a kept span that starts before it and ends after it.
    let free = start < end || taken[start] !== 1;
    for (let i = start; free && i < end; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, start, end);
    if (start < end) taken[start] = 2;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds personal data and secrets. Findings are sorted, non-overlapping, and their offsets are UTF-16
 * indices into `text` as given (not the normalised copy used for detection).
 * @throws RedactionInputTooLargeError when `text` is longer than `maxInputChars`.
 */
export function findPii(text: string, settings?: Partial<RedactionSettings>): Finding[] {
  const compiled = compile(settings);
  const limit = compiled.settings.maxInputChars;
  if (text.length > limit) throw new RedactionInputTooLargeError(text.length, limit);
  const normalised = normaliseText(text);
  const scanned = normalised.text;
  const detections = scanText(scanned, compiled.types);
  if (hasCustomMatchers(compiled.custom)) {
    for (const d of detectCustom(scanned, compiled.custom)) detections.push(d);
  }
  const kept = resolveOverlaps(detections);
  // Detectors build findings in the Finding shape; they only need copying when offsets move.
  if (normalised.toOriginal === identityOffsets) return kept;
  return kept.map((d) => {
    const { start, end } = normalised.toOriginal(d.start, d.end);
    return d.label === undefined
      ? { type: d.type, start, end }
      : { type: d.type, start, end, label: d.label };
  });
}

/**
 * Replaces every finding with a placeholder: `[EMAIL]` ("typed") or `[EMAIL_1]` ("numbered" and "restore",
 * where the same value gets the same number within this call; placeholders.ts says which values are the same).
 * @throws RedactionInputTooLargeError when `text` is longer than `maxInputChars`.
 */
export function redactText(text: string, settings?: Partial<RedactionSettings>): RedactionResult {
  const findings = findPii(text, settings);
  const numbers = compile(settings).settings.placeholders === 'typed' ? null : new PlaceholderNumbers();
  const counts: Partial<Record<PiiType, number>> = {};
  const parts: string[] = [];
  let last = 0;
  for (const finding of findings) {
    counts[finding.type] = (counts[finding.type] ?? 0) + 1;
    parts.push(text.slice(last, finding.start));
    parts.push(
      numbers
        ? numberedPlaceholder(
            finding.type,
            numbers.numberOf(finding.type, text.slice(finding.start, finding.end)).n,
          )
        : typedPlaceholder(finding.type),
    );
    last = finding.end;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), findings, counts };
}
