// The pseudonymous device id sent with forwarded events: a random UUID made once per profile.
import browser from 'webextension-polyfill';
import { z } from 'zod';

const key = 'deviceId';
const deviceIdSchema = z.uuid();

export async function deviceId(): Promise<string> {
  const stored = deviceIdSchema.safeParse((await browser.storage.local.get(key))[key]);
  if (stored.success) return stored.data;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ [key]: id });
  return id;
}
