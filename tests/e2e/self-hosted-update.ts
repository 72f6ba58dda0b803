// A self-hosted extension update server on loopback: the packed build (CRX3, pinned dev key) and its
// update manifest, so a force-install policy can install Gatehouse without a store or DNS.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath, extensionPath } from './fixtures';
import { extensionId } from './stand-in';

export interface UpdateServer {
  /** The URL to pass as `policy compile --update-url`. */
  updateUrl: string;
  /** Paths requested so far, with their query strings. */
  requests: string[];
  close(): Promise<void>;
}

/** Packs the built extension with keys/dev-test-key.pem, the way `chromium --pack-extension` does for admins. */
export function packExtension(): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-crx-'));
  try {
    cpSync(extensionPath, path.join(dir, 'gatehouse'), { recursive: true });
    execFileSync(
      chromiumPath,
      [
        '--headless=new',
        '--no-sandbox',
        `--pack-extension=${path.join(dir, 'gatehouse')}`,
        `--pack-extension-key=${path.resolve('keys/dev-test-key.pem')}`,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    return readFileSync(path.join(dir, 'gatehouse.crx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function serveUpdates(crx: Buffer): Promise<UpdateServer> {
  const { version } = JSON.parse(readFileSync(path.join(extensionPath, 'manifest.json'), 'utf8')) as {
    version: string;
  };
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    if (url.startsWith('/updates.xml')) {
      response.setHeader('content-type', 'text/xml');
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?>
<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">
  <app appid="${extensionId}">
    <updatecheck codebase="${origin}/gatehouse.crx" version="${version}" />
  </app>
</gupdate>
`,
      );
    } else if (url === '/gatehouse.crx') {
      response.setHeader('content-type', 'application/x-chrome-extension');
      response.end(crx);
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    updateUrl: `${origin}/updates.xml`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
