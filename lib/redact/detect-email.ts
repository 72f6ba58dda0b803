// E-mail addresses, including spelled-out evasions such as `name [at] example [dot] com`.
import type { Scan } from './scan';

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

// Domain labels may be internationalised ("bücher.example", "пример.рф") or in punycode ("xn--p1ai").
const idnLetters =
  '\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u0590-\\u05FF\\u0600-\\u06FF\\u0900-\\u097F\\u0E00-\\u0E7F\\u3040-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7AF';
const domainAfterAt = new RegExp(
  `(?:[A-Za-z0-9${idnLetters}](?:[A-Za-z0-9${idnLetters}-]{0,61}[A-Za-z0-9${idnLetters}])?\\.)+` +
    `(xn--[A-Za-z0-9-]{1,59}|[A-Za-z]{2,24}|[${idnLetters}]{2,24})(?![A-Za-z0-9${idnLetters}-])`,
  'y',
);

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

// Spelled-out form: an "at" word (bracketed, or plain between spaces; "arroba", "arobase" and "chiocciola"
// name '@' in Spanish, Portuguese, French and Italian) ...
const spelledAt = /[[({<] ?(?:at|a) ?[\])}>]|\s(?:at|arroba|arobase|chiocciola)\s/iy;
// ... followed by a domain whose dots may be spelled as "[dot]", " dot ", " punkt ", " point ", " punto "...
const dotWords = 'dot|punkt|point|punto|ponto|kropka|nokta';
const spelledDomain = new RegExp(
  `\\s*(?:[A-Za-z0-9-]{1,63}\\s*(?:[[({<] ?(?:${dotWords}) ?[\\])}>]|\\s+(?:${dotWords})\\s+|\\.)\\s*){1,6}` +
    '[A-Za-z]{2,24}(?![A-Za-z0-9])',
  'iy',
);
const spelledDot = new RegExp(`[[({<] ?(?:${dotWords}) ?[\\])}>]|\\s(?:${dotWords})\\s`, 'i');

// `name @ example . com`: spaces around '@' and dots. Python's matrix operator (`x @ weights.T`) has the same
// shape, so the domain must end in a well-known top-level domain.
const spacedDomain = / ?((?:[A-Za-z0-9-]{1,63} ?\. ?){1,6}([A-Za-z]{2,6}))(?![A-Za-z0-9-])/y;
const commonTlds = new Set(
  'com org net edu gov mil int io co uk de fr it es nl be at ch ie pt pl se no dk fi eu us ca au nz jp cn in br ru info biz me app dev ai'.split(
    ' ',
  ),
);

function localStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && start > end - 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
  while (start < end && (text[start] === '.' || text[start] === '-' || text[start] === "'")) start++;
  return start;
}

/** An address around the '@' at `at`, written plainly or with spaces around '@' and its dots. */
export function detectEmailAt(scan: Scan, at: number): void {
  const text = scan.text;
  const start = localStart(text, at);
  domainAfterAt.lastIndex = at + 1;
  const domain = start < at && text[at - 1] !== '.' ? domainAfterAt.exec(text) : null;
  // `git@host:org/repo` is an SSH login for a code forge, not a person's address, and in
  // `scheme://user:password@host` the part before '@' is a password (reported as API_KEY).
  const forgeLogin = at - start === 3 && text.startsWith('git', start);
  if (domain && !forgeLogin && !fileExtensions.has(domain[1]!.toLowerCase())) {
    const urlCredentials = urlUserInfo.test(text.slice(Math.max(0, start - 140), start));
    if (!urlCredentials) scan.push('EMAIL', start, at + 1 + domain[0].length);
  }
  const spaceBefore = text[at - 1] === ' ';
  if (spaceBefore || text[at + 1] === ' ') detectSpacedAt(scan, at, spaceBefore);
}

function detectSpacedAt(scan: Scan, at: number, spaceBefore: boolean): void {
  const text = scan.text;
  const localEnd = spaceBefore ? at - 1 : at;
  const start = localStart(text, localEnd);
  if (start === localEnd) return;
  spacedDomain.lastIndex = at + 1;
  const domain = spacedDomain.exec(text);
  if (!domain || !commonTlds.has(domain[2]!.toLowerCase())) return;
  scan.push('EMAIL', start, spacedDomain.lastIndex);
}

/** A spelled-out address ("jane [at] example [dot] org") whose "at" word starts at `index`. */
export function detectSpelledEmailAt(scan: Scan, index: number): void {
  if (index < scan.spelledEmailNext) return;
  const text = scan.text;
  spelledAt.lastIndex = index;
  const m = spelledAt.exec(text);
  if (!m) return;
  scan.spelledEmailNext = index + m[0].length;
  let localEnd = index;
  while (localEnd > 0 && text[localEnd - 1] === ' ') localEnd--;
  const start = localStart(text, localEnd);
  if (start === localEnd) return;
  spelledDomain.lastIndex = index + m[0].length;
  const domain = spelledDomain.exec(text);
  if (!domain) return;
  // A plain " at " is everyday English ("meet at site.com"); only trust it with a spelled-out dot too.
  if (m[0].trim().toLowerCase() === 'at' && !spelledDot.test(domain[0])) return;
  scan.spelledEmailNext = spelledDomain.lastIndex;
  scan.push('EMAIL', start, spelledDomain.lastIndex);
}
