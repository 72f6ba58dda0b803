// A local WebSocket server for the websocket-blocking tests of both e2e suites.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * Completes the handshake by hand (the `ws` package is not a dependency). Plain HTTP requests get a small
 * page, so the test page comes from the same server and no local-network check interferes.
 */
export function startWebSocketServer(): Promise<Server> {
  const server = createServer((_request, response) => response.end('<!doctype html><title>page</title>'));
  server.on('upgrade', (request, socket) => {
    const accept = createHash('sha1')
      .update(`${request.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
