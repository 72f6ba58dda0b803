// The pseudonymous device id sent with forwarded events: a random UUID made once per profile.
import { deviceIdItem } from '../browser/storage-items';

export async function deviceId(): Promise<string> {
  const stored = await deviceIdItem.read();
  if (stored) return stored;
  const id = crypto.randomUUID();
  await deviceIdItem.write(id);
  return id;
}
