// In a pasted table (CSV, TSV, semicolon or pipe separated), the header names what a column holds: an
// "ssn" or "phone" header is context for a bare number in that column, however far below it is.

const separators = [',', ';', '\t', '|'];

interface Block {
  text: string;
  lineStart: number;
  headerStart: number;
  /** The header line, read when a number below it is first asked about (a number on it needs none). */
  header?: string;
  /** Occurrences of each separator in the header, counted when a number's column is first asked about. */
  headerCounts?: number[];
  /** Whether the header matches a `mentioning` expression, remembered per expression. */
  mentions?: Map<RegExp, boolean>;
}

let lastBlock: Block | undefined;

function blockHeader(text: string, headerStart: number): string {
  const headerEndAt = text.indexOf('\n', headerStart);
  return withoutCarriageReturn(text.slice(headerStart, headerEndAt === -1 ? text.length : headerEndAt));
}

/** A line without the '\r' of a CRLF line ending. */
function withoutCarriageReturn(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

/** Whether [from, to) of `text` holds only white space (what `trim` removes), read in place. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    if (code < 128 || !/\s/.test(text.charAt(i))) return false;
  }
  return true;
}

function countOf(line: string, separator: string): number {
  let n = 0;
  for (let i = line.indexOf(separator); i !== -1; i = line.indexOf(separator, i + 1)) n++;
  return n;
}

/**
 * Whether `index` lies in a table column whose header cell matches `header`. The table's header is the
 * first line of the block of consecutive non-empty lines around `index`; the separator is the one that
 * occurs equally often (and at least once) in the header and in the current line.
 */
export function inColumnHeaded(text: string, index: number, header: RegExp): boolean {
  const cell = columnHeaderAt(text, index, header);
  return cell !== undefined && header.test(cell);
}

/**
 * The header cell of the column that contains `index`, or undefined when `index` is not inside a table
 * (or, given `mentioning`, when the header line does not match it at all, which is checked first).
 */
export function columnHeaderAt(text: string, index: number, mentioning?: RegExp): string | undefined {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  // Asked again about the line asked about last time (several numbers in one row): same block.
  if (lastBlock !== undefined && lastBlock.text === text && lastBlock.lineStart === lineStart) {
    return cellHeader(lastBlock, text, index, mentioning);
  }
  // Walk up to the first line of the block. Detectors ask in increasing order, so the walk stops at the
  // line asked about last time and reuses its answer: all questions about one paste cost one pass.
  let headerStart = lineStart;
  let known: Block | undefined;
  while (headerStart > 0) {
    if (lastBlock && text === lastBlock.text && headerStart === lastBlock.lineStart) {
      known = lastBlock;
      headerStart = lastBlock.headerStart;
      break;
    }
    const previousStart = text.lastIndexOf('\n', headerStart - 2) + 1;
    if (isBlank(text, previousStart, headerStart - 1)) break;
    headerStart = previousStart;
  }
  const reused = known && known.headerStart === headerStart ? known : undefined;
  lastBlock = {
    text,
    lineStart,
    headerStart,
    header: reused?.header,
    headerCounts: reused?.headerCounts,
    mentions: reused?.mentions,
  };
  return cellHeader(lastBlock, text, index, mentioning);
}

/** The header cell above `index` in `block`'s table (see columnHeaderAt). */
function cellHeader(block: Block, text: string, index: number, mentioning?: RegExp): string | undefined {
  const { lineStart, headerStart } = block;
  if (headerStart === lineStart) return undefined;
  const header = (block.header ??= blockHeader(text, headerStart));
  const headerCounts = (block.headerCounts ??= separators.map((separator) => countOf(header, separator)));
  // A header without a separator heads no table: most blocks are prose, and their first line need not be
  // matched against `mentioning`.
  if (!headerCounts.some((count) => count > 0)) return undefined;
  if (mentioning) {
    // Every number in a long table asks about the same header: test it once per expression.
    block.mentions ??= new Map();
    let mentioned = block.mentions.get(mentioning);
    if (mentioned === undefined) {
      mentioned = mentioning.test(header);
      block.mentions.set(mentioning, mentioned);
    }
    if (!mentioned) return undefined;
  }
  const lineEndAt = text.indexOf('\n', index);
  const line = withoutCarriageReturn(text.slice(lineStart, lineEndAt === -1 ? text.length : lineEndAt));
  for (let i = 0; i < separators.length; i++) {
    const separator = separators[i]!;
    const cells = headerCounts[i]!;
    if (cells === 0 || cells !== countOf(line, separator)) continue;
    const column = countOf(line.slice(0, index - lineStart), separator);
    return header.split(separator)[column]?.trim();
  }
  return undefined;
}
