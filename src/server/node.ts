/// <reference types="node" />
// toNodeListener: mounts a Fetch-API handler on node:http (and so on Express, Fastify's raw
// server, Koa's callback): the request becomes a `Request`, the `Response` is streamed back
// (the change feed stays open until the client goes away).
import type { IncomingMessage, ServerResponse } from 'node:http';

export type FetchHandler = (request: Request) => Promise<Response>;

/** `(req, res) => void` for `http.createServer(...)`, `app.use(path, ...)` and friends. */
export function toNodeListener(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void serve(handler, req, res);
  };
}

async function serve(handler: FetchHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  try {
    // Express strips its mount path from req.url; originalUrl keeps it.
    const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const host = req.headers.host ?? 'localhost';
    const proto = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) headers.append(k, x);
      else headers.set(k, v);
    }
    const method = req.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    // The body as a web stream with backpressure. A handler that stops reading (413) cancels it:
    // the rest is read and dropped, so the client gets the answer instead of a reset connection.
    let discard = false;
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          req.on('data', (chunk: Buffer) => {
            if (discard) return;
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) req.pause();
          });
          req.on('end', () => {
            if (!discard) controller.close();
          });
          req.on('error', (err) => {
            if (!discard) controller.error(err);
          });
        },
        pull() {
          req.resume();
        },
        cancel() {
          discard = true;
          req.resume();
        },
      },
      { highWaterMark: 64 * 1024, size: (c) => c.byteLength },
    );
    const request = new Request(new URL(path, `${proto}://${host}`), {
      method,
      headers,
      signal: abort.signal,
      ...(hasBody ? { body, duplex: 'half' } : {}),
    } as RequestInit);
    const response = await handler(request);
    if (!req.readableEnded) {
      // Whatever the handler did not read is dropped.
      discard = true;
      req.resume();
    }
    const out: Record<string, string | string[]> = {};
    response.headers.forEach((value, key) => {
      out[key] = value;
    });
    if (!response.body) {
      res.writeHead(response.status, out);
      res.end();
      return;
    }
    if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      // A whole answer goes out in one write (headers and body together).
      const bytes = Buffer.from(await response.arrayBuffer());
      out['content-length'] = String(bytes.byteLength);
      res.writeHead(response.status, out);
      res.end(bytes);
      return;
    }
    res.writeHead(response.status, out);
    res.flushHeaders();
    const reader = response.body.getReader();
    abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve));
    }
    res.end();
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'The server could not handle this request' } }));
    } else res.destroy();
  }
}
