import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
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

/** POSTs JSON (or a raw string) to the bot; the status and the body as text. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
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
