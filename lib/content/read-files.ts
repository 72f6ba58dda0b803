// Reads the files of an input for the check: name-free descriptions for the background, text only from
// files whose content is text and within the policy's size limit; and writes the redacted copies.
import { rawExtension } from '../guard/file-types';
import { decodeText, encodeText, sniffTextFile, type TextFile } from '../guard/file-text';
import type { FileInput } from '../guard/file-verdict';

export interface ReadFile {
  file: File;
  input: FileInput;
  /** How the text was encoded, for the redacted copy; null when the file was not read as text. */
  encoding: TextFile | null;
}

/** How much of a file is sniffed before deciding to read it whole. */
const sampleBytes = 8192;

export async function readFiles(
  files: readonly File[],
  options: { read: boolean; maxScanBytes: number },
): Promise<ReadFile[]> {
  return Promise.all(files.map((file) => readFile(file, options)));
}

async function readFile(file: File, options: { read: boolean; maxScanBytes: number }): Promise<ReadFile> {
  const input: FileInput = {
    extension: rawExtension(file.name),
    mimeType: file.type.slice(0, 200),
    size: file.size,
    text: null,
  };
  if (!options.read || file.size > options.maxScanBytes) return { file, input, encoding: null };
  const sample = await bytesOf(file.slice(0, sampleBytes));
  if (!sniffTextFile(sample, file.size <= sampleBytes)) return { file, input, encoding: null };
  const bytes = await bytesOf(file);
  // The sample can look like text while the rest is not (a binary with a text header).
  const encoding = sniffTextFile(bytes, true);
  if (!encoding) return { file, input, encoding: null };
  return { file, input: { ...input, text: decodeText(bytes, encoding) }, encoding };
}

/**
 * A blob's bytes, in the content script's own realm. In Firefox the buffer a page's file gives a content
 * script belongs to the page, and so does a view made on it: the view's own methods (`subarray` looks up
 * its `constructor`) then throw "Permission denied". Copying into a view made here avoids that.
 */
async function bytesOf(blob: Blob): Promise<Uint8Array> {
  const view = new Uint8Array(await blob.arrayBuffer());
  const bytes = new Uint8Array(view.length);
  bytes.set(view);
  return bytes;
}

/** The page's copy of a redacted file: same name, type and date, the redacted text in the same encoding. */
export function redactedFile(original: File, encoding: TextFile | null, text: string): File {
  return new File([encodeText(text, encoding ?? { encoding: 'utf-8', bom: false })], original.name, {
    type: original.type,
    lastModified: original.lastModified,
  });
}
