import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app.js';
import { post, startInProcess, type InProcessServer } from '../helpers/in-process-server.js';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const CREDENTIALS = { PORT: '0', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' };

const activity = {
  type: 'message',
  id: 'act-1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:ines', aadObjectId: 'ines' },
  recipient: { id: '28:bot' },
  conversation: { id: 'personal:ines', conversationType: 'personal' },
  text: 'aide',
};

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: activity.serviceUrl, nbf: 1_700_000_000, exp: 4_000_000_000 };

/** Tokens an attacker can make: unsigned, signed with a shared secret they chose, signed with their own RSA key. */
function forgedTokens(): [string, string][] {
  const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
  const hsInput = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  const hs = `${hsInput}.${createHmac('sha256', 'mine').update(hsInput).digest('base64url')}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rsInput = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'attacker' })}.${b64(claims)}`;
  const rs = `${rsInput}.${sign('sha256', Buffer.from(rsInput), privateKey).toString('base64url')}`;
  return [
    ['alg none', none],
    ['HS256 with a made-up secret', hs],
    ['RS256 with a self-made key', rs],
  ];
}

/** A loopback identity provider publishing one key that signed none of the forged tokens. */
async function startIdentityProvider(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'genuine', use: 'sig', endorsements: ['msteams'] };
  let base = '';
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url?.includes('keys') ? { keys: [jwk] } : { issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${base}/.well-known/openidconfiguration`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback address nothing listens on: the identity provider is unreachable. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/.well-known/openidconfiguration`;
}

function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/127\.0\.0\.1|botframework\.com|getaddrinfo|ECONNREFUSED|Error|request to/);
}

describe('with app credentials, requests without a valid token', () => {
  let provider: Awaited<ReturnType<typeof startIdentityProvider>>;
  let bot: InProcessServer;
  let unreachableBot: InProcessServer;

  beforeAll(async () => {
    provider = await startIdentityProvider();
    bot = await startInProcess(buildTestApp({ env: CREDENTIALS, openIdMetadataUrl: provider.url }));
    unreachableBot = await startInProcess(buildTestApp({ env: CREDENTIALS, openIdMetadataUrl: await closedPort() }));
  });

  afterAll(async () => {
    await bot?.stop();
    await unreachableBot?.stop();
    await provider?.stop();
  });

  it('gets 401 without a token', async () => {
    const response = await post(bot.url, activity);
    expect(response.status).toBe(401);
    expectNoInternals(response.text);
  });

  it.each(forgedTokens())('gets 401 with a forged token (%s)', async (_label, token) => {
    const response = await post(bot.url, activity, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text)).toEqual({ code: 'Unauthorized', message: 'authentification refusée' });
  });

  it.each(forgedTokens())('gets 503 with no detail when the identity provider cannot be reached (%s)', async (_label, token) => {
    const response = await post(unreachableBot.url, activity, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(503);
    expect(JSON.parse(response.text)).toEqual({ code: 'Unavailable', message: 'service momentanément indisponible' });
    expectNoInternals(response.text);
  });
});
