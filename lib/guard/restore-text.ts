// Restoring numbered placeholders in a run of text that the page shows in pieces (text nodes, which
// streaming splits anywhere: "[EMA" in one, "IL_1]" in the next). Pure: the content script hands in the
// page's text of neighbouring nodes and writes back what this returns.
import { numberedPlaceholderPattern } from '../redact/placeholders';

export type RestoreDisplay = 'inline' | 'on-hover';

/** A point in the shown text: which piece, and the offset in it. */
export interface PiecePoint {
  piece: number;
  offset: number;
}

/** One restored placeholder: where it is shown (the original inline, or the placeholder itself on-hover). */
export interface RestoreMark {
  start: PiecePoint;
  end: PiecePoint;
  placeholder: string;
  original: string;
}

export interface RunRestoration {
  /** What each piece shows: inline, the page's text with originals; on-hover, the page's text as it is. */
  shown: string[];
  marks: RestoreMark[];
  /** joins[i]: a restored placeholder spans pieces i - 1 and i (so they must be restored together). */
  joins: boolean[];
}

/**
 * Finds the numbered placeholders in the pieces joined together and, for those `original` knows (the AI
 * may invent others: they stay as they are), says what each piece shows. Inline, the original goes where
 * the placeholder starts and the rest of the placeholder is removed from the pieces it reaches into.
 */
export function restoreRun(
  pieces: readonly string[],
  original: (placeholder: string) => string | undefined,
  display: RestoreDisplay,
): RunRestoration {
  const starts: number[] = [];
  let joined = '';
  for (const piece of pieces) {
    starts.push(joined.length);
    joined += piece;
  }
  const found: { start: number; end: number; placeholder: string; original: string }[] = [];
  if (joined.includes('[')) {
    const pattern = numberedPlaceholderPattern();
    for (let m = pattern.exec(joined); m; m = pattern.exec(joined)) {
      const value = original(m[0]);
      if (value !== undefined)
        found.push({ start: m.index, end: m.index + m[0].length, placeholder: m[0], original: value });
    }
  }
  const joins = pieces.map(() => false);
  if (found.length === 0) return { shown: [...pieces], marks: [], joins };

  /** The piece holding the character at `offset`, searching on from piece `from`. */
  const pieceAt = (offset: number, from: number) => {
    let i = from;
    while (i + 1 < pieces.length && starts[i + 1]! <= offset) i++;
    return i;
  };
  let cursorPiece = 0;
  const located = found.map((f) => {
    const first = (cursorPiece = pieceAt(f.start, cursorPiece));
    // The piece holding the last character of the placeholder.
    const last = pieceAt(f.end - 1, first);
    for (let i = first + 1; i <= last; i++) joins[i] = true;
    return { ...f, first, last };
  });

  if (display === 'on-hover') {
    return {
      shown: [...pieces],
      marks: located.map((f) => ({
        start: { piece: f.first, offset: f.start - starts[f.first]! },
        end: { piece: f.last, offset: f.end - starts[f.last]! },
        placeholder: f.placeholder,
        original: f.original,
      })),
      joins,
    };
  }

  const shown: string[] = [];
  const marks: RestoreMark[] = [];
  let k = 0;
  pieces.forEach((piece, i) => {
    const base = starts[i]!;
    const end = base + piece.length;
    let text = '';
    let cursor = base;
    while (k < located.length && located[k]!.last < i) k++;
    for (let j = k; j < located.length && located[j]!.first <= i; j++) {
      const f = located[j]!;
      text += joined.slice(cursor, Math.max(f.start, base));
      if (f.first === i) {
        marks.push({
          start: { piece: i, offset: text.length },
          end: { piece: i, offset: text.length + f.original.length },
          placeholder: f.placeholder,
          original: f.original,
        });
        text += f.original;
      }
      cursor = Math.min(f.end, end);
    }
    text += joined.slice(cursor, end);
    shown.push(text);
  });
  return { shown, marks, joins };
}
