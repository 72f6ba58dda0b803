// Where the forwarding cursor and status live: storage.local, read by the worker and the popup.
import browser from 'webextension-polyfill';
import { forwardStateSchema, initialForwardState, type ForwardState } from '../forward/forward-state';

export const forwardStateKey = 'forwarding';

export async function loadForwardState(): Promise<ForwardState> {
  const raw = (await browser.storage.local.get(forwardStateKey))[forwardStateKey];
  if (raw === undefined) return initialForwardState();
  const parsed = forwardStateSchema.safeParse(raw);
  // A corrupt state must not silently restart from 0 without saying so; keep the cursor if readable.
  if (parsed.success) return parsed.data;
  const cursor = forwardStateSchema.shape.cursor.safeParse((raw as { cursor?: unknown } | null)?.cursor);
  return {
    ...initialForwardState(),
    cursor: cursor.success ? cursor.data : 0,
    lastError: { at: Date.now(), message: `stored forwarding state was unreadable: ${parsed.error.message}` },
  };
}

export async function saveForwardState(state: ForwardState): Promise<void> {
  await browser.storage.local.set({ [forwardStateKey]: state });
}
