// Whether a file's bytes are text, by content rather than by name, and the text's encoding: so a CSV
// renamed .dat is still read, and a PDF renamed .txt is not. The redacted copy is written back in the
// same encoding (and byte-order mark) as the original.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface TextFile {
  encoding: TextEncodingName;
  /** Whether the bytes began with a byte-order mark (kept in the redacted copy). */
  bom: boolean;
}

/**
 * Text, or null for binary. UTF-16 needs its byte-order mark; UTF-8 must be valid; anything else is
 * read as Windows-1252 (the encoding spreadsheet exports use) if it has no NUL and almost no control
 * characters. `bytes` may be the file's first few kilobytes: a UTF-8 sequence cut at the end is allowed.
 */
export function sniffTextFile(bytes: Uint8Array, complete: boolean): TextFile | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) return null;
    // Tab, line feed, form feed, carriage return and escape appear in text; other C0 controls do not.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  if (control > bytes.length / 100) return null;
  const body = complete ? bytes : trimIncompleteUtf8(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { encoding: 'utf-8', bom };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

export function decodeText(bytes: Uint8Array, file: TextFile): string {
  if (file.encoding === 'windows-1252') return decodeWindows1252(bytes);
  const skip = file.bom ? (file.encoding === 'utf-8' ? 3 : 2) : 0;
  return new TextDecoder(file.encoding, { ignoreBOM: true }).decode(bytes.subarray(skip));
}

/** By hand: some TextDecoder builds (Node's) decode this label as ISO-8859-1, losing € “ ” —. */
function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    let chunk = '';
    const end = Math.min(bytes.length, start + 8192);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      chunk += b >= 0x80 && b < 0xa0 ? cp1252High[b - 0x80]! : String.fromCharCode(b);
    }
    chunks.push(chunk);
  }
  return chunks.join('');
}

/** The bytes of `text` in the original's encoding; characters Windows-1252 lacks become "?". */
export function encodeText(text: string, file: TextFile): Uint8Array<ArrayBuffer> {
  switch (file.encoding) {
    case 'utf-8': {
      const body = new TextEncoder().encode(text);
      if (!file.bom) return body;
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      return out;
    }
    case 'utf-16le':
    case 'utf-16be': {
      const little = file.encoding === 'utf-16le';
      const out = new Uint8Array(2 + text.length * 2);
      const view = new DataView(out.buffer);
      view.setUint16(0, 0xfeff, little);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), little);
      return out;
    }
    case 'windows-1252': {
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) out[i] = windows1252Byte(text.charCodeAt(i));
      return out;
    }
  }
}

/** The characters Windows-1252 puts at 0x80–0x9F; the rest of the byte range is Latin-1. */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252Byte(code: number): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const index = cp1252High.indexOf(String.fromCharCode(code));
  return index >= 0 ? 0x80 + index : 0x3f;
}

/** Drops a UTF-8 sequence cut off by the end of a sample, so a valid file is not taken for Latin-1. */
function trimIncompleteUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back < needed) end -= back;
    }
    break;
  }
  return bytes.subarray(0, end);
}
