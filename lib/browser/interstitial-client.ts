// The interstitial pages' side of the message contract: ask the background, parse the answer.
import browser from 'webextension-polyfill';
import {
  continueResultSchema,
  interstitialInfoSchema,
  type InterstitialInfo,
  type InterstitialPage,
  type Message,
} from '../messages';

/** The pages refuse to work inside a frame: nobody can wrap Continue in a clickjacking page. */
export function isFramed(): boolean {
  return window.top !== window;
}

/** The original URL travels in the fragment; it is only displayed and handed to the background to decide. */
export function originalUrl(): string {
  return location.hash.slice(1);
}

async function send(message: Message): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export async function fetchInterstitial(page: InterstitialPage): Promise<InterstitialInfo> {
  const parsed = interstitialInfoSchema.safeParse(
    await send({ type: 'getInterstitial', page, url: originalUrl() }),
  );
  return parsed.success ? parsed.data : { ok: false, error: 'unexpected answer from the background' };
}

/** Resolves to an error message, or navigates on to the original URL. */
export async function requestContinue(nonce: string, justification: string): Promise<string | null> {
  const parsed = continueResultSchema.safeParse(await send({ type: 'continue', nonce, justification }));
  if (!parsed.success) return 'unexpected answer from the background';
  if (!parsed.data.ok) return parsed.data.error;
  location.replace(parsed.data.url);
  return null;
}

export async function requestGoBack(nonce: string | null): Promise<void> {
  if (nonce) await send({ type: 'goBack', nonce });
  if (history.length > 1) history.back();
  else location.replace('about:blank');
}
