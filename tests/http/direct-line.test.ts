import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Started } from '../helpers/servers.js';

type Activity = Record<string, unknown> & { id: string; type: string; from: { id: string; role?: string }; replyToId?: string; attachments?: { content?: unknown }[] };

/** A Web Chat tab, speaking Direct Line 3.0 over HTTP as DirectLineJS does with webSocket: false. */
class Tab {
  token = '';
  conversationId = '';
  private watermark = '';
  readonly seen: Activity[] = [];

  constructor(
    private readonly base: string,
    private readonly user: string,
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${this.base}/v3/directline${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async open(): Promise<void> {
    const generated = await this.call('POST', '/tokens/generate', { user: { name: this.user } });
    expect(generated.status).toBe(200);
    this.token = String(generated.json.token);
    const started = await this.call('POST', '/conversations', {});
    expect(started.status).toBe(201);
    this.conversationId = String(started.json.conversationId);
  }

  async post(activity: Record<string, unknown>): Promise<string> {
    const posted = await this.call('POST', `/conversations/${this.conversationId}/activities`, { from: { id: 'ignored' }, locale: 'fr-FR', ...activity });
    expect(posted.status).toBe(200);
    return String(posted.json.id);
  }

  /** One GET activities?watermark=; returns what is new. */
  async poll(): Promise<Activity[]> {
    const got = await this.call('GET', `/conversations/${this.conversationId}/activities?watermark=${encodeURIComponent(this.watermark)}`);
    expect(got.status).toBe(200);
    this.watermark = String(got.json.watermark);
    const fresh = got.json.activities as Activity[];
    this.seen.push(...fresh);
    return fresh;
  }

  /** Polls (bounded) until an activity received so far matches. */
  async waitFor(match: (activity: Activity) => boolean): Promise<Activity> {
    for (let i = 0; i < 50; i += 1) {
      await this.poll();
      const found = this.seen.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`not seen; got ${JSON.stringify(this.seen.map((a) => [a.id, a.type, a.from.role]))}`);
  }
}

const cardText = (activity: Activity): string => JSON.stringify(activity.attachments?.map((a) => a.content) ?? []);

/** The `data` of the first Action.Submit in an activity's card whose verb matches. */
function submitData(activity: Activity, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    const data = record.data as Record<string, unknown> | undefined;
    if (record.type === 'Action.Submit' && data?.verb === verb) found = data;
    Object.values(record).forEach(walk);
  };
  walk(activity.attachments);
  if (!found) throw new Error(`no ${verb} action in ${cardText(activity).slice(0, 300)}`);
  return found;
}

describe('the local Direct Line endpoint (no app credentials)', () => {
  let bot: Started;

  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('serves the demo page and the Web Chat bundle from node_modules', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('/webchat/webchat.js');
    expect(html).toContain('données de démonstration');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\/[^"']*\.js/i);
    const bundle = await fetch(`${bot.url}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });

  it('starts a conversation with a welcome, answers `aide` with the help card, echoes what the user sent', async () => {
    const tab = new Tab(bot.url, 'Inès');
    await tab.open();
    expect(tab.conversationId).toBe('webchat-ines');
    await tab.waitFor((a) => a.from.role === 'bot' && cardText(a).includes('Bienvenue'));

    const id = await tab.post({ type: 'message', text: 'aide', channelData: { clientActivityID: 'c-1' } });
    const help = await tab.waitFor((a) => a.from.role === 'bot' && cardText(a).includes('Ce que je sais faire'));
    const echo = tab.seen.find((a) => a.id === id);
    expect(echo).toMatchObject({ type: 'message', text: 'aide', from: { id: 'webchat:ines', name: 'Inès', role: 'user' }, channelData: { clientActivityID: 'c-1' } });
    expect(help.replyToId).toBe(id);
    // Watermarks move on: a second poll brings nothing old again.
    expect(await tab.poll()).toEqual([]);
  });

  it('hands a card submission (value) to the bot and shows the bot replacing that card under the same id', async () => {
    const tab = new Tab(bot.url, 'Paul');
    await tab.open();
    await tab.post({ type: 'message', text: 'nouvelle évaluation' });
    const form = await tab.waitFor((a) => a.from.role === 'bot' && cardText(a).includes('evaluation.create'));
    const data = submitData(form, 'evaluation.create');
    // Web Chat sends the action's data merged with the card's inputs.
    await tab.post({
      type: 'message',
      value: { ...data, date: '2026-11-28', mode: 'professional', candidateLastName: 'Dupont', candidateFirstName: 'Léa', company: 'Laiterie du Val', creatorName: 'Paul Girard', creatorFunction: 'chef des ventes' },
    });
    const replaced = await tab.waitFor((a) => a.id === form.id && a !== form);
    expect(cardText(replaced)).not.toContain('evaluation.create');
    expect(cardText(replaced)).toContain('Léa Dupont');
    // Same place in the transcript: the first timestamp is kept.
    expect(replaced.timestamp).toBe(form.timestamp);
    await tab.waitFor((a) => a.from.role === 'bot' && cardText(a).includes('evaluation.start'));
  });

  it('accepts the bot’s proactive posts, to activity ids and conversations it has never seen', async () => {
    const tab = new Tab(bot.url, 'Claire');
    await tab.open();
    const post = (path: string, body: unknown) =>
      fetch(`${bot.url}/v3/conversations/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const reply = await post('webchat-claire/activities/never-seen-id', { type: 'message', text: 'Marc Petit demande à rejoindre votre jury', from: { id: 'jury-cqp-bot' } });
    expect(reply.status).toBe(200);
    const { id } = (await reply.json()) as { id: string };
    const shown = await tab.waitFor((a) => a.id === id);
    expect(shown).toMatchObject({ text: 'Marc Petit demande à rejoindre votre jury', from: { role: 'bot' } });
    // An unknown replyToId is dropped, or Web Chat would hold the message back waiting for it.
    expect(shown.replyToId).toBeUndefined();

    const elsewhere = await post('webchat-somebody-new/activities', { type: 'message', text: 'Bonjour' });
    expect(elsewhere.status).toBe(200);
    const update = await fetch(`${bot.url}/v3/conversations/webchat-claire/activities/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Demande traitée' }),
    });
    expect(update.status).toBe(200);
    expect(await tab.waitFor((a) => a.id === id && a.text === 'Demande traitée')).toMatchObject({ timestamp: shown.timestamp });
  });

  it('refuses a request without a token or for someone else’s conversation', async () => {
    const tab = new Tab(bot.url, 'Marc');
    await tab.open();
    const noToken = await fetch(`${bot.url}/v3/directline/conversations/webchat-marc/activities?watermark=`);
    expect(noToken.status).toBe(403);
    const other = await fetch(`${bot.url}/v3/directline/conversations/webchat-claire/activities?watermark=`, { headers: { authorization: `Bearer ${tab.token}` } });
    expect(other.status).toBe(403);
    const refreshed = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${tab.token}` } });
    expect(await refreshed.json()).toMatchObject({ conversationId: 'webchat-marc', token: tab.token });
  });
});

describe('with app credentials set', () => {
  let bot: Started;

  beforeAll(async () => {
    bot = await startBot({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
    });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it.each([
    ['GET', '/'],
    ['GET', '/webchat/webchat.js'],
    ['POST', '/v3/directline/tokens/generate'],
    ['POST', '/v3/directline/conversations'],
    ['GET', '/v3/directline/conversations/webchat-claire/activities?watermark='],
    ['POST', '/v3/directline/conversations/webchat-claire/activities'],
    ['POST', '/v3/conversations/webchat-claire/activities'],
    ['PUT', '/v3/conversations/webchat-claire/activities/x'],
  ])('%s %s is not served (404): the web chat is off', async (method, path) => {
    const response = await fetch(`${bot.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify({ type: 'message', text: 'aide', user: { name: 'Claire' } }),
    });
    expect(response.status).toBe(404);
  });

  it('still answers the health check', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
