import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { post, startInProcess, startRecorder, type InProcessServer, type Recorder } from '../helpers/in-process-server.js';

/** A message as a channel sends it; `serviceUrl` is a loopback recorder standing in for the connector. */
function activity(serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:ines', name: 'Inès Roy', aadObjectId: 'ines' },
    recipient: { id: '28:bot', name: 'Jury CQP' },
    conversation: { id: 'personal:ines', conversationType: 'personal' },
    locale: 'fr-FR',
    text: 'aide',
    ...extra,
  };
}

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

describe('activities are checked before the adapter', () => {
  let app: TestApp;
  let bot: InProcessServer;
  let connector: Recorder;

  beforeAll(async () => {
    app = buildTestApp({ env: { PORT: '0' } });
    bot = await startInProcess(app);
    connector = await startRecorder();
  });

  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
  });

  const malformed: [string, (serviceUrl: string) => Record<string, unknown>][] = [
    ['no type', (url) => without(activity(url), 'type')],
    ['a non-string type', (url) => activity(url, { type: 42 })],
    ['a numeric serviceUrl', () => activity('', { serviceUrl: 123 })],
    ['a serviceUrl that is no URL', () => activity('', { serviceUrl: 'pas une adresse' })],
    ['no from', (url) => without(activity(url), 'from')],
    ['no recipient', (url) => without(activity(url), 'recipient')],
    ['no conversation', (url) => without(activity(url), 'conversation')],
    ['no id', (url) => without(activity(url), 'id')],
    ['text as an array', (url) => activity(url, { text: ['aide'] })],
    ['a non-string locale', (url) => activity(url, { locale: 7 })],
    ['membersAdded not an array', (url) => activity(url, { type: 'conversationUpdate', membersAdded: { id: 'x' } })],
    ['a lone surrogate in from.id', (url) => activity(url, { from: { id: '29:\uD800ines' } })],
    ['an array body', () => [1, 2, 3] as unknown as Record<string, unknown>],
  ];

  it.each(malformed)('%s gets 400 with a short reason, no turn and no call to the serviceUrl', async (_label, make) => {
    const before = connector.requests.length;
    const response = await post(bot.url, make(connector.url));
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text) as { code: string; message: string };
    expect(body.code).toBe('BadArgument');
    expect(body.message).toMatch(/^activité invalide/);
    expect(response.text).not.toMatch(/Error|validateAndFixActivity|toLowerCase|\/src\/|node_modules/);
    expect(connector.requests.length).toBe(before);
  });

  it('runs a well-formed activity and answers through the (loopback) serviceUrl', async () => {
    const before = connector.requests.length;
    const response = await post(bot.url, activity(connector.url));
    expect(response.status).toBe(200);
    expect(connector.requests.length).toBeGreaterThan(before);
  });

  it('refuses, without credentials, a serviceUrl that is not this machine', async () => {
    const response = await post(bot.url, activity('https://evil.example/'));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ code: 'BadArgument', message: 'activité invalide : serviceUrl non autorisé' });
  });

  it('never posts a proactive message to an address that is not this machine', async () => {
    const reference = { serviceUrl: 'https://evil.example/', channelId: 'msteams', conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'b', name: '' }, user: { id: 'u', name: '' } };
    await expect(app.adapter.continueConversationAsync('', reference, async (context) => void (await context.sendActivity('x')))).rejects.toThrow(/serviceUrl not trusted/);
  });
});
