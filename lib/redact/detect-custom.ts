// The policy's own patterns (RE2 syntax, so an admin regex runs in linear time and cannot hang a tab)
// and dictionaries of terms such as project code names and customer names.
import { RE2JS } from 're2js';
import type { Detection } from './detection';
import type { RedactionSettings } from './settings';

export interface CompiledCustomPattern {
  name: string;
  regex: RE2JS;
}

interface DictionaryTerm {
  /** The term as written (case-sensitive) or lower-cased (case-insensitive). */
  term: string;
  caseInsensitive: boolean;
  name: string;
}

/**
 * All dictionaries' terms, keyed by their first word (lower-cased for case-insensitive terms) so the text
 * is scanned once, word by word, whatever the number of terms. Longest terms first.
 */
export interface CompiledDictionaries {
  caseSensitive: Map<string, DictionaryTerm[]>;
  caseInsensitive: Map<string, DictionaryTerm[]>;
  /** Terms that do not start with a letter or digit ("#blue"), searched for directly. */
  other: DictionaryTerm[];
}

export interface CustomMatchers {
  patterns: CompiledCustomPattern[];
  dictionaries: CompiledDictionaries;
}

export type PatternCompileResult = { ok: true; regex: RE2JS } | { ok: false; message: string };

export function compileCustomPattern(pattern: string, caseInsensitive: boolean): PatternCompileResult {
  try {
    const regex = RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    // A pattern that matches the empty string would "find" something at every position.
    if (regex.matches('')) return { ok: false, message: 'pattern matches the empty string' };
    return { ok: true, regex };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Patterns that fail to compile are left out here; validateRedactionSettings reports them to the admin. */
export function compileCustomMatchers(settings: Pick<RedactionSettings, 'customPatterns' | 'dictionaries'>) {
  const patterns: CompiledCustomPattern[] = [];
  for (const custom of settings.customPatterns) {
    const compiled = compileCustomPattern(custom.pattern, custom.caseInsensitive ?? false);
    if (compiled.ok) patterns.push({ name: custom.name, regex: compiled.regex });
  }
  const dictionaries: CompiledDictionaries = {
    caseSensitive: new Map(),
    caseInsensitive: new Map(),
    other: [],
  };
  for (const dictionary of settings.dictionaries) {
    for (const rawTerm of dictionary.terms) {
      const written = rawTerm.trim();
      if (written.length === 0) continue;
      // Lower-casing that changes the length ("İ") would shift offsets; such terms match as written.
      const caseInsensitive =
        (dictionary.caseInsensitive ?? true) && written.toLowerCase().length === written.length;
      const term = caseInsensitive ? written.toLowerCase() : written;
      const entry = { term, caseInsensitive, name: dictionary.name };
      const firstWord = leadingWord.exec(term)?.[0];
      if (firstWord === undefined) {
        dictionaries.other.push(entry);
        continue;
      }
      const map = caseInsensitive ? dictionaries.caseInsensitive : dictionaries.caseSensitive;
      const list = map.get(firstWord) ?? [];
      list.push(entry);
      map.set(firstWord, list);
    }
  }
  for (const map of [dictionaries.caseSensitive, dictionaries.caseInsensitive]) {
    for (const list of map.values()) list.sort((a, b) => b.term.length - a.term.length);
  }
  return { patterns, dictionaries } satisfies CustomMatchers;
}

// Letters and digits of the common scripts. Spelled out because `\p{L}` with the u flag is about three
// times slower to scan with.
const wordClass =
  'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u0590-\\u06FF\\u3040-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7AF';
const leadingWord = new RegExp(`^[${wordClass}]+`);
const words = new RegExp(`[${wordClass}]+`, 'g');
const wordChar = new RegExp(`[${wordClass}]`);

function endsWord(text: string, end: number): boolean {
  return end >= text.length || !wordChar.test(text[end]!);
}

/**
 * Scans `haystack` word by word for terms of `byFirstWord`. `haystack` is the text itself, or its
 * lower-case copy for case-insensitive terms. When lower-casing the whole text would shift offsets ("İ"),
 * `lowerEachWord` lower-cases word by word on the original text instead (slower, same result).
 */
function detectTerms(
  haystack: string,
  byFirstWord: Map<string, DictionaryTerm[]>,
  found: Detection[],
  lowerEachWord = false,
): void {
  words.lastIndex = 0;
  for (let m = words.exec(haystack); m; m = words.exec(haystack)) {
    const entries = byFirstWord.get(lowerEachWord ? m[0].toLowerCase() : m[0]);
    if (entries === undefined) continue;
    const index = m.index;
    const at = (term: string) =>
      lowerEachWord
        ? haystack.slice(index, index + term.length).toLowerCase() === term
        : haystack.startsWith(term, index);
    // Longest first, so "Blue Falcon Labs" wins over "Blue Falcon".
    const hit = entries.find((entry) => at(entry.term) && endsWord(haystack, index + entry.term.length));
    if (!hit) continue;
    const end = index + hit.term.length;
    found.push({ type: 'CUSTOM', start: index, end, label: hit.name });
    words.lastIndex = end;
  }
}

export function hasCustomMatchers(matchers: CustomMatchers): boolean {
  const { caseSensitive, caseInsensitive, other } = matchers.dictionaries;
  return (
    matchers.patterns.length > 0 || caseSensitive.size > 0 || caseInsensitive.size > 0 || other.length > 0
  );
}

export function detectCustom(text: string, matchers: CustomMatchers): Detection[] {
  const found: Detection[] = [];
  for (const pattern of matchers.patterns) {
    const matcher = pattern.regex.matcher(text);
    while (matcher.find()) {
      const start = matcher.start();
      const end = matcher.end();
      if (end > start) found.push({ type: 'CUSTOM', start, end, label: pattern.name });
    }
  }
  const { caseSensitive, caseInsensitive, other } = matchers.dictionaries;
  if (caseSensitive.size > 0) detectTerms(text, caseSensitive, found);
  // One lower-case copy of the text instead of lower-casing every word; only usable when it keeps offsets.
  const lower = caseInsensitive.size > 0 || other.length > 0 ? text.toLowerCase() : text;
  const lowerKeepsOffsets = lower.length === text.length;
  if (caseInsensitive.size > 0) {
    if (lowerKeepsOffsets) detectTerms(lower, caseInsensitive, found);
    else detectTerms(text, caseInsensitive, found, true);
  }
  for (const entry of other) {
    const haystack = entry.caseInsensitive ? lower : text;
    if (!lowerKeepsOffsets && entry.caseInsensitive) continue;
    for (let at = haystack.indexOf(entry.term); at !== -1; at = haystack.indexOf(entry.term, at + 1)) {
      if (endsWord(text, at + entry.term.length))
        found.push({ type: 'CUSTOM', start: at, end: at + entry.term.length, label: entry.name });
    }
  }
  return found;
}
