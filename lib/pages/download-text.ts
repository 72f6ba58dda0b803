// Saves text as a file from an extension page: a Blob URL on a temporary <a download>.
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the Blob by now; revoking later keeps slow disks safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
