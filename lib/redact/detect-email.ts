// E-mail addresses, including spelled-out evasions such as `name [at] example [dot] com`.
import type { Detection } from './detection';

// Scanning from each '@' (rather than running one regex over all text) keeps prose without '@' almost free.
const localChar = /[A-Za-z0-9._%+'\-\u00C0-\u024F]/;
const domainAfterAt =
  /(?:[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F-]{0,61}[A-Za-z0-9\u00C0-\u024F])?\.)+([A-Za-z]{2,24})(?![A-Za-z0-9-])/y;

// Asset names like `icon@2x.png` and package specs like `react@18.2.0` have an '@' but are not addresses.
const fileExtensions = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'ico',
  'js',
  'ts',
  'css',
  'map',
  'json',
]);

// `[at]`, `(at)`, `{at}` or ` at ` between a local part and a domain spelled with `[dot]`/` dot `.
const spelledOut =
  /[A-Za-z0-9._%+-]{1,64}\s*(?:[[({<]\s*at\s*[\])}>]|\s+at\s+)\s*(?:[A-Za-z0-9-]{1,63}\s*(?:[[({<]\s*dot\s*[\])}>]|\s+dot\s+|\.)\s*)+[A-Za-z]{2,24}(?![A-Za-z0-9])/gi;
const spelledOutHint = /[[({<]\s*at\s*[\])}>]|\sdot\s/i;
const bracketedAt = /[[({<]\s*at\s*[\])}>]|\s+at\s+/i;
const spelledDot = /[[({<]\s*dot\s*[\])}>]|\s+dot\s+/i;

export function detectEmail(text: string): Detection[] {
  const found: Detection[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && start > at - 64 && localChar.test(text[start - 1]!)) start--;
    while (start < at && (text[start] === '.' || text[start] === '-' || text[start] === "'")) start++;
    domainAfterAt.lastIndex = at + 1;
    const domain = start < at && text[at - 1] !== '.' ? domainAfterAt.exec(text) : null;
    if (domain && !fileExtensions.has(domain[1]!.toLowerCase())) {
      const end = at + 1 + domain[0].length;
      found.push({ type: 'EMAIL', start, end });
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  if (spelledOutHint.test(text)) found.push(...detectSpelledOut(text));
  return found;
}

function detectSpelledOut(text: string): Detection[] {
  const found: Detection[] = [];
  spelledOut.lastIndex = 0;
  for (let m = spelledOut.exec(text); m; m = spelledOut.exec(text)) {
    const value = m[0];
    const atPart = bracketedAt.exec(value);
    if (!atPart) continue;
    // A plain " at " is everyday English ("meet at site.com"); only trust it with a spelled-out dot too.
    const bracketed = /[[({<]/.test(atPart[0]);
    if (!bracketed && !spelledDot.test(value)) continue;
    found.push({ type: 'EMAIL', start: m.index, end: m.index + value.length });
  }
  return found;
}
