// The texts of the redaction regression check: every corpus document, plus seeded random edits of them
// (separators, digits, look-alike characters, context words and fragments of other documents spliced in),
// so a change meant to keep the engine's output (a speed-up) can be checked against what it found before.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { redactText } from '../../../lib/redact/redact';
import type { RedactionSettings } from '../../../lib/redact/settings';
import type { CorpusDocument } from './corpus';

export const regressionFile = fileURLToPath(new URL('../../fixtures/redact-regression.txt', import.meta.url));

const insertions = [
  ' ',
  '-',
  '.',
  '/',
  '(',
  ')',
  '+',
  '0',
  '1',
  '7',
  '9',
  'A',
  'x',
  '@',
  ':',
  '\n',
  ',',
  '\t',
  '\u200b',
  '\uff11',
  '\u00a0',
  '&#64;',
  'tel ',
  'SSN ',
  'password=',
  'Bearer ',
  'DE',
  'IT',
  'GB',
  ' [at] ',
];

/** Corpus documents, then `edited` seeded random variants of them. */
export function regressionTexts(documents: CorpusDocument[], edited = 3000): string[] {
  let seed = 20261129;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const texts = documents.map((d) => d.text);
  for (let i = 0; i < edited; i++) {
    let text = pick(documents).text;
    for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
      const at = Math.floor(random() * (text.length + 1));
      const kind = random();
      if (kind < 0.4) text = text.slice(0, at) + pick(insertions) + text.slice(at);
      else if (kind < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
      else {
        const other = pick(documents).text;
        const from = Math.floor(random() * other.length);
        text = text.slice(0, at) + other.slice(from, from + 1 + Math.floor(random() * 60)) + text.slice(at);
      }
    }
    texts.push(text);
  }
  return texts;
}

export const regressionSettings: [string, Partial<RedactionSettings> | undefined][] = [
  ['typed', { placeholders: 'typed' }],
  ['numbered', { placeholders: 'numbered' }],
];

/** One line per text and settings: a short hash of the engine's whole result (text, findings, counts). */
export function regressionLines(texts: string[]): string[] {
  const lines: string[] = [];
  for (const [name, settings] of regressionSettings)
    texts.forEach((text, i) => {
      const result = JSON.stringify(redactText(text, settings));
      lines.push(`${name} ${i} ${createHash('sha256').update(result).digest('hex').slice(0, 16)}`);
    });
  return lines;
}
