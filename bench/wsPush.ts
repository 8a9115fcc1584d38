/**
 * A one-way WebSocket from this process to a page: how bench/uiMetrics.ts delivers the extension's
 * messages to the panel. In code-server an extension's `webview.postMessage` leaves the extension
 * host as JSON, reaches the browser over a WebSocket and is posted into the webview's frame; a
 * Playwright `page.evaluate` per message instead went through the debugging protocol (Playwright's
 * own serialization and validation here, its utility script in the page), a path VS Code never takes.
 *
 * Only what the bench needs: one client, text frames from the server, unmasked (RFC 6455 §5.1).
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { Page } from "playwright-core";

const ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export interface PagePush {
  /** Sends `message` as JSON; the page posts it to its own window, as the webview's host frame does. */
  send(message: unknown): void;
  close(): void;
}

function frameHeader(length: number): Buffer {
  const FIN_TEXT = 0x81;
  if (length < 126) return Buffer.from([FIN_TEXT, length]);
  if (length < 0x10000) return Buffer.from([FIN_TEXT, 126, length >> 8, length & 0xff]);
  const header = Buffer.alloc(10);
  header[0] = FIN_TEXT;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

/** Opens the socket and connects `page` to it; resolves once the page is connected. */
export async function pushToPage(page: Page): Promise<PagePush> {
  const server = createServer();
  const connected = new Promise<Socket>((resolve) => {
    server.on("upgrade", (request: IncomingMessage, socket: Socket) => {
      const accept = createHash("sha1")
        .update(`${String(request.headers["sec-websocket-key"])}${ACCEPT_GUID}`)
        .digest("base64");
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await page.evaluate((url) => {
    const socket = new WebSocket(url);
    socket.onmessage = (event: MessageEvent<string>) => window.postMessage(JSON.parse(event.data), "*");
  }, `ws://127.0.0.1:${port}`);
  const socket = await connected;
  return {
    send(message) {
      const payload = Buffer.from(JSON.stringify(message));
      socket.write(Buffer.concat([frameHeader(payload.length), payload]));
    },
    close() {
      socket.destroy();
      server.close();
    },
  };
}
