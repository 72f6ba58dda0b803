// File types for the upload guard: the extension vocabulary the log may name, and the policy's type lists.

/**
 * The extensions the log and the notice may name. A file name can carry personal data ("jane.doe" has
 * the "extension" doe), so anything outside this list is recorded as "other", and no dot as "none".
 */
const knownExtensions = new Set(
  (
    'txt csv tsv md markdown json jsonl ndjson log xml html htm yaml yml toml ini cfg conf env properties sql ' +
    'js mjs cjs ts tsx jsx py rb go rs java kt kts scala c h cc cpp hpp cs swift php pl sh bash zsh ps1 bat ' +
    'r m lua dart vue svelte css scss less tex rtf srt vtt eml ics vcf ' +
    'pdf doc docx xls xlsx ppt pptx odt ods odp pages numbers key ' +
    'png jpg jpeg gif webp bmp tif tiff heic svg ico mp3 wav m4a ogg flac mp4 mov webm avi mkv ' +
    'zip gz tgz bz2 xz 7z rar tar jar exe dll msi dmg iso bin dat db sqlite pst ost parquet avro'
  ).split(' '),
);

/** The lower-case extension of a file name if it is in the vocabulary, else "other" (or "none"). */
export function fileExtension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return 'none';
  const extension = base.slice(dot + 1).toLowerCase();
  return knownExtensions.has(extension) ? extension : 'other';
}

/** Maps any string to the vocabulary: what the background does with extensions a content script reports. */
export function normaliseExtension(extension: string): string {
  if (extension === 'none' || extension === 'other') return extension;
  return knownExtensions.has(extension) ? extension : 'other';
}

/**
 * Whether a file matches one of the policy's types: ".csv" by extension (of the real name, not the
 * vocabulary), "text/csv" by MIME type, "image/*" by MIME type prefix.
 */
export function matchesFileType(
  file: { extension: string; mimeType: string },
  types: readonly string[],
): boolean {
  const mime = file.mimeType.toLowerCase().split(';')[0]!.trim();
  for (const type of types) {
    if (type.startsWith('.')) {
      if (file.extension === type.slice(1)) return true;
    } else if (type.endsWith('/*')) {
      if (mime.startsWith(type.slice(0, -1))) return true;
    } else if (mime === type) {
      return true;
    }
  }
  return false;
}

/** The real extension of a name, lower-case, for matching `blockTypes` (never logged). */
export function rawExtension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0
    ? ''
    : base
        .slice(dot + 1)
        .toLowerCase()
        .slice(0, 16);
}
