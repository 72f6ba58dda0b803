// The interstitial pages' side of the message contract: ask the background, get parsed answers.
import browser from 'webextension-polyfill';
import type { InterstitialInfo, InterstitialPage } from '../interstitial/interstitial-info';
import { ask, type MessageInput } from '../messages';

/** The pages refuse to work inside a frame: nobody can wrap Continue in a clickjacking page. */
export function isFramed(): boolean {
  return window.top !== window;
}

/** The original URL travels in the fragment; it is only displayed and handed to the background to decide. */
export function originalUrl(): string {
  return location.hash.slice(1);
}

const send = (message: MessageInput) => browser.runtime.sendMessage(message);

export async function fetchInterstitial(page: InterstitialPage): Promise<InterstitialInfo> {
  try {
    return await ask(send, { type: 'getInterstitial', page, url: originalUrl() });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Resolves to an error message, or navigates on to the original URL. */
export async function requestContinue(nonce: string, justification: string): Promise<string | null> {
  try {
    const result = await ask(send, { type: 'continue', nonce, justification });
    if (!result.ok) return result.error;
    location.replace(result.url);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function requestGoBack(nonce: string | null): Promise<void> {
  if (nonce) await ask(send, { type: 'goBack', nonce }).catch(() => undefined);
  if (history.length > 1) history.back();
  else location.replace('about:blank');
}

/** Tells the background Request access was clicked; it logs what it showed this tab (errors are not shown). */
export async function requestAccess(page: InterstitialPage, nonce: string | null): Promise<void> {
  if (nonce) await ask(send, { type: 'requestAccess', page, nonce }).catch(() => undefined);
}
