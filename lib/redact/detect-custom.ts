// The policy's own patterns (RE2 syntax, so an admin regex runs in linear time and cannot hang a tab)
// and dictionaries of terms such as project code names and customer names.
import { RE2JS } from 're2js';
import type { Detection } from './detection';
import type { RedactionSettings } from './settings';

export interface CompiledCustomPattern {
  name: string;
  regex: RE2JS;
}

export interface CompiledDictionary {
  name: string;
  caseInsensitive: boolean;
  /** Terms keyed by their first character (lower-cased when case-insensitive), longest first. */
  byFirstChar: Map<string, string[]>;
}

export interface CustomMatchers {
  patterns: CompiledCustomPattern[];
  dictionaries: CompiledDictionary[];
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
  const dictionaries: CompiledDictionary[] = settings.dictionaries.map((dictionary) => {
    const caseInsensitive = dictionary.caseInsensitive ?? true;
    const byFirstChar = new Map<string, string[]>();
    for (const rawTerm of dictionary.terms) {
      const term = caseInsensitive ? rawTerm.trim().toLowerCase() : rawTerm.trim();
      if (term.length === 0) continue;
      const list = byFirstChar.get(term[0]!) ?? [];
      list.push(term);
      byFirstChar.set(term[0]!, list);
    }
    for (const list of byFirstChar.values()) list.sort((a, b) => b.length - a.length);
    return { name: dictionary.name, caseInsensitive, byFirstChar };
  });
  return { patterns, dictionaries } satisfies CustomMatchers;
}

const wordChar = /[\p{L}\p{N}_]/u;

function isBoundary(text: string, index: number): boolean {
  return (
    index <= 0 || index >= text.length || !wordChar.test(text[index - 1]!) || !wordChar.test(text[index]!)
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
  if (matchers.dictionaries.length === 0) return found;
  let lower: string | undefined;
  for (const dictionary of matchers.dictionaries) {
    const haystack = dictionary.caseInsensitive ? (lower ??= text.toLowerCase()) : text;
    // toLowerCase keeps UTF-16 length for almost all scripts; if not, offsets would drift, so fall back.
    const source = haystack.length === text.length ? haystack : text;
    for (let i = 0; i < source.length; i++) {
      const terms = dictionary.byFirstChar.get(source[i]!);
      if (!terms || !isBoundary(source, i)) continue;
      for (const term of terms) {
        const end = i + term.length;
        if (source.startsWith(term, i) && isBoundary(source, end)) {
          found.push({ type: 'CUSTOM', start: i, end, label: dictionary.name });
          i = end - 1;
          break;
        }
      }
    }
  }
  return found;
}
