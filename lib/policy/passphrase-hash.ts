// The admin passphrase as the policy stores it: `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
// This gates the popup UI only; the log itself is on the user's machine and is not encrypted.

export const passphraseHashPattern =
  /^pbkdf2-sha256\$[1-9][0-9]{0,8}\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/;
export const defaultIterations = 600_000;
/**
 * Fewer PBKDF2-SHA256 iterations make a leaked hash cheap to guess from (OWASP asks for 600,000). The hash is
 * readable by every user of the machine (chrome://policy, the policy file), so weak ones are refused.
 */
export const minimumIterations = 100_000;
const hashBytes = 32;

export interface PassphraseHash {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array<ArrayBuffer>;
}

export type ParseResult = { ok: true; value: PassphraseHash } | { ok: false; error: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function parsePassphraseHash(text: string): ParseResult {
  if (!passphraseHashPattern.test(text))
    return { ok: false, error: 'expected pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>' };
  const [, iterations, salt, hash] = text.split('$') as [string, string, string, string];
  const value = { iterations: Number(iterations), salt: fromBase64(salt), hash: fromBase64(hash) };
  if (value.iterations < minimumIterations)
    return {
      ok: false,
      error: `${value.iterations} PBKDF2 iterations are too few (at least ${minimumIterations}): make a new hash with \`npm run --silent cli -- admin hash-passphrase\``,
    };
  if (value.salt.length < 8) return { ok: false, error: 'the salt must be at least 8 bytes' };
  if (value.hash.length < 16) return { ok: false, error: 'the hash must be at least 16 bytes' };
  return { ok: true, value };
}

export function formatPassphraseHash(value: PassphraseHash): string {
  return `pbkdf2-sha256$${value.iterations}$${toBase64(value.salt)}$${toBase64(value.hash)}`;
}

async function derive(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    length * 8,
  );
  return new Uint8Array(bits);
}

export async function hashPassphrase(
  passphrase: string,
  options: { iterations?: number; salt?: Uint8Array<ArrayBuffer> } = {},
): Promise<string> {
  const iterations = options.iterations ?? defaultIterations;
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(16));
  return formatPassphraseHash({
    iterations,
    salt,
    hash: await derive(passphrase, salt, iterations, hashBytes),
  });
}

/** Constant-time over the hash length, so the comparison leaks nothing about how much matched. */
export async function verifyPassphrase(passphrase: string, stored: string): Promise<boolean> {
  const parsed = parsePassphraseHash(stored);
  if (!parsed.ok) return false;
  const { salt, iterations, hash } = parsed.value;
  const candidate = await derive(passphrase, salt, iterations, hash.length);
  let difference = 0;
  for (let i = 0; i < hash.length; i++) difference |= hash[i]! ^ candidate[i]!;
  return difference === 0;
}
