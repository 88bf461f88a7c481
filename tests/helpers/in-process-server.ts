import { Agent, createServer as createHttpServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type RunningServer } from '../../src/server.js';
import type { App } from '../../src/app.js';

export interface InProcessServer {
  url: string;
  server: RunningServer;
  stop: () => Promise<void>;
}

/** The real HTTP server (server.ts) around an app built in this process, on 127.0.0.1 and a free port. */
export async function startInProcess(app: App): Promise<InProcessServer> {
  const server = createServer(app);
  const address = await server.listen();
  return { url: `http://127.0.0.1:${address.port}`, server, stop: () => server.close(1_000) };
}

// node:http with keep-alive: several times faster than fetch per request, which the fuzz suite feels.
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** POSTs JSON (or a raw string) to the bot; the status and the body as text. */
export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/messages`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A loopback HTTP server that answers 200 to everything and records what reached it. */
export interface Recorder {
  url: string;
  requests: { method: string; path: string }[];
  stop: () => Promise<void>;
}

export async function startRecorder(respond: (req: IncomingMessage) => { status: number; body: unknown } = () => ({ status: 200, body: { id: 'x' } })): Promise<Recorder> {
  const requests: { method: string; path: string }[] = [];
  const server: Server = createHttpServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '' });
    req.resume();
    req.on('end', () => {
      const { status, body } = respond(req);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
