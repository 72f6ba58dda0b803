// E-mail addresses, including spelled-out evasions such as `name [at] example [dot] com`.
import type { Detection } from './detection';

// Local-part characters: ASCII letters, digits, ._%+'- and Latin letters with diacritics.
function isLocalChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 95 ||
    code === 37 ||
    code === 43 ||
    code === 45 ||
    code === 39 ||
    (code >= 0xc0 && code <= 0x24f)
  );
}

const domainAfterAt =
  /(?:[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F-]{0,61}[A-Za-z0-9\u00C0-\u024F])?\.)+([A-Za-z]{2,24})(?![A-Za-z0-9-])/y;

const urlUserInfo = /:\/\/[^\s/@]*$/;

// Asset names like `icon@2x.png` have an '@' but are not addresses.
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

// Spelled-out form: an "at" word (bracketed, or plain between spaces) ...
const spelledAt = /[[({<] ?at ?[\])}>]|\sat\s/gi;
// ... followed by a domain whose dots may be spelled as "[dot]" or " dot ".
const spelledDomain =
  /\s*(?:[A-Za-z0-9-]{1,63}\s*(?:[[({<] ?dot ?[\])}>]|\s+dot\s+|\.)\s*){1,6}[A-Za-z]{2,24}(?![A-Za-z0-9])/iy;
const spelledDot = /[[({<] ?dot ?[\])}>]|\sdot\s/i;

// `name @ example . com`: spaces around '@' and dots. Python's matrix operator (`x @ weights.T`) has the same
// shape, so the domain must end in a well-known top-level domain.
const spacedDomain = / ?((?:[A-Za-z0-9-]{1,63} ?\. ?){1,6}([A-Za-z]{2,6}))(?![A-Za-z0-9-])/y;
const commonTlds = new Set(
  'com org net edu gov mil int io co uk de fr it es nl be at ch ie pt pl se no dk fi eu us ca au nz jp cn in br ru info biz me app dev ai'.split(
    ' ',
  ),
);

function detectSpacedAt(text: string, found: Detection[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const spaceBefore = text[at - 1] === ' ';
    if (!spaceBefore && text[at + 1] !== ' ') continue;
    const localEnd = spaceBefore ? at - 1 : at;
    const start = localStart(text, localEnd);
    if (start === localEnd) continue;
    spacedDomain.lastIndex = at + 1;
    const domain = spacedDomain.exec(text);
    if (!domain || !commonTlds.has(domain[2]!.toLowerCase())) continue;
    found.push({ type: 'EMAIL', start, end: spacedDomain.lastIndex });
  }
}

function localStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && start > end - 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
  while (start < end && (text[start] === '.' || text[start] === '-' || text[start] === "'")) start++;
  return start;
}

export function detectEmail(text: string): Detection[] {
  const found: Detection[] = [];
  for (let at = text.indexOf('@'); at !== -1;) {
    const start = localStart(text, at);
    domainAfterAt.lastIndex = at + 1;
    const domain = start < at && text[at - 1] !== '.' ? domainAfterAt.exec(text) : null;
    // `git@host:org/repo` is an SSH login for a code forge, not a person's address, and in
    // `scheme://user:password@host` the part before '@' is a password (reported as API_KEY).
    const forgeLogin = at - start === 3 && text.startsWith('git', start);
    const urlCredentials = urlUserInfo.test(text.slice(Math.max(0, start - 140), start));
    if (domain && !forgeLogin && !urlCredentials && !fileExtensions.has(domain[1]!.toLowerCase())) {
      const end = at + 1 + domain[0].length;
      found.push({ type: 'EMAIL', start, end });
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  if (text.includes(' @') || text.includes('@ ')) detectSpacedAt(text, found);
  spelledAt.lastIndex = 0;
  for (let m = spelledAt.exec(text); m; m = spelledAt.exec(text)) {
    let localEnd = m.index;
    while (localEnd > 0 && text[localEnd - 1] === ' ') localEnd--;
    const start = localStart(text, localEnd);
    if (start === localEnd) continue;
    spelledDomain.lastIndex = m.index + m[0].length;
    const domain = spelledDomain.exec(text);
    if (!domain) continue;
    // A plain " at " is everyday English ("meet at site.com"); only trust it with a spelled-out dot too.
    if (m[0].trim().toLowerCase() === 'at' && !spelledDot.test(domain[0])) continue;
    const end = spelledDomain.lastIndex;
    found.push({ type: 'EMAIL', start, end });
    spelledAt.lastIndex = end;
  }
  return found;
}
