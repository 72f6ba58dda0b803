// Small fixture pages for the input guard's other channels, served beside the editor pages: a file upload
// page, a page with its own clipboard "Paste" button, and fields inside shadow roots. Each page registers
// its listeners in <head>, before its own content, and records what it received.

/** File inputs, a drop zone, a paste zone and a detached input; every handler records the bytes it got. */
export const uploadPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>upload</title><script>
window.uploadsSeen = [];
window.recordFiles = async (source, files) => {
  for (const file of files) {
    const bytes = Array.from(new Uint8Array(await file.arrayBuffer()));
    window.uploadsSeen.push({ source, name: file.name, type: file.type, bytes });
  }
};
for (const type of ['input', 'change']) {
  window.addEventListener(type, (e) => {
    const input = e.composedPath()[0];
    if (input instanceof HTMLInputElement && input.type === 'file') void recordFiles(type + '-capture', Array.from(input.files));
  }, true);
}
</script></head><body>
<input type="file" id="file" multiple>
<div id="dropzone" style="width:300px;height:80px;border:1px solid #999">Drop files here</div>
<textarea id="pastezone" rows="2" cols="40"></textarea>
<button id="attach" type="button">Attach</button>
<script>
document.getElementById('file').addEventListener('change', (e) => recordFiles('input-change', Array.from(e.target.files)));
const zone = document.getElementById('dropzone');
zone.addEventListener('dragover', (e) => e.preventDefault());
zone.addEventListener('drop', (e) => { e.preventDefault(); recordFiles('drop', Array.from(e.dataTransfer.files)); });
document.getElementById('pastezone').addEventListener('paste', (e) => {
  if (e.clipboardData.files.length) { e.preventDefault(); recordFiles('paste', Array.from(e.clipboardData.files)); }
});
// Created, clicked and never put in the document, as some upload libraries do.
document.getElementById('attach').addEventListener('click', () => {
  const input = document.createElement('input');
  input.type = 'file';
  input.addEventListener('change', () => recordFiles('detached', Array.from(input.files)));
  input.click();
});
</script></body></html>`;

/** A "Paste" button that reads the clipboard itself, as AI services' paste buttons do. */
export const clipboardPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>clipboard</title><script>
window.clipboardSeen = [];
</script></head><body>
<textarea id="field" rows="3" cols="60"></textarea>
<button id="paste-text" type="button">Paste</button>
<button id="paste-rich" type="button">Paste rich</button>
<script>
const field = document.getElementById('field');
document.getElementById('paste-text').addEventListener('click', async () => {
  try { const text = await navigator.clipboard.readText(); clipboardSeen.push('text:' + text); field.value += text; }
  catch (error) { clipboardSeen.push('error:' + error.name); }
});
document.getElementById('paste-rich').addEventListener('click', async () => {
  try {
    for (const item of await navigator.clipboard.read())
      for (const type of item.types) clipboardSeen.push(type + ':' + (await (await item.getType(type)).text()));
  } catch (error) { clipboardSeen.push('error:' + error.name); }
});
</script></body></html>`;

/** A textarea in an open shadow root, and one in a closed shadow root (which no script outside can reach). */
export const shadowPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shadow</title><script>
window.seenByPage = [];
window.addEventListener('paste', (e) => window.seenByPage.push('paste:' + e.clipboardData.getData('text/plain')), true);
</script></head><body>
<div id="open-host"></div>
<div id="closed-host"></div>
<script>
const open = document.getElementById('open-host').attachShadow({ mode: 'open' });
open.innerHTML = '<textarea id="inner" rows="3" cols="60"></textarea>';
const closed = document.getElementById('closed-host').attachShadow({ mode: 'closed' });
closed.innerHTML = '<textarea rows="3" cols="60"></textarea>';
window.closedField = closed.querySelector('textarea');
</script></body></html>`;

export const guardFixturePages: Record<string, string> = {
  '/__fixture/upload': uploadPage,
  '/__fixture/clipboard': clipboardPage,
  '/__fixture/shadow': shadowPage,
};
