import { describe, expect, it } from 'vitest';
import { cardActedOn } from '../../../src/web/card-reply-target.js';
import type { LoggedActivity } from '../../../src/web/conversation-log.js';
import { webChatIdentity } from '../../../src/web/identity.js';
import { WebChatChannel } from '../../../src/web/web-chat-channel.js';
import { identityFromAuthorization, tokenFor } from '../../../src/web/web-chat-token.js';

const card = (id: string, actions: unknown[]): LoggedActivity => ({
  id,
  from: { id: 'bot', role: 'bot' },
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'ActionSet', actions }], actions: [] } }],
});
const submit = (data: Record<string, unknown>) => ({ type: 'Action.Submit', title: 'x', data });

describe('webChatIdentity', () => {
  it.each([
    ['claire', 'Claire', 'webchat:claire', 'local:claire', 'webchat-claire'],
    ['Inès', 'Inès', 'webchat:ines', 'local:ines', 'webchat-ines'],
    ['  marc   petit ', 'Marc petit', 'webchat:marc-petit', 'local:marc-petit', 'webchat-marc-petit'],
    ['', 'Visiteur', 'webchat:visiteur', 'local:visiteur', 'webchat-visiteur'],
  ])('%j → %s', (raw, name, id, aadObjectId, conversationId) => {
    expect(webChatIdentity(raw)).toEqual({ name, id, aadObjectId, conversationId });
  });

  it('gives names without Latin letters a stable key of their own', () => {
    expect(webChatIdentity('李').id).toBe(webChatIdentity('李').id);
    expect(webChatIdentity('李').id).not.toBe(webChatIdentity('王').id);
  });

  it('round-trips the demo token and refuses anything else', () => {
    const ines = webChatIdentity('Inès');
    expect(identityFromAuthorization(`Bearer ${tokenFor(ines)}`)).toEqual(ines);
    expect(identityFromAuthorization(undefined)).toBeUndefined();
    expect(identityFromAuthorization('Bearer demo.!!!')).toBeUndefined();
    expect(identityFromAuthorization('Bearer eyJhbGciOi')).toBeUndefined();
  });
});

describe('cardActedOn: the card a Web Chat submission came from', () => {
  const older = card('a-1', [submit({ verb: 'grid.save', rowId: 'delais', rev: 1, then: 'next' })]);
  const newer = card('a-2', [submit({ verb: 'grid.save', rowId: 'litige', rev: 1, then: 'next' }), submit({ verb: 'grid.save', rowId: 'litige', rev: 1, then: 'stay' })]);

  it('matches the newest card whose action data is contained in the submitted value (inputs added)', () => {
    expect(cardActedOn([newer, older], { verb: 'grid.save', rowId: 'litige', rev: 1, then: 'stay', notes: 'typed' })).toBe('a-2');
    expect(cardActedOn([newer, older], { verb: 'grid.save', rowId: 'delais', rev: 1, then: 'next', notes: '' })).toBe('a-1');
  });

  it('finds none for a forged or stale payload, a user message or a non-object value', () => {
    expect(cardActedOn([newer, older], { verb: 'grid.save', rowId: 'litige', rev: 0, then: 'stay' })).toBeUndefined();
    expect(cardActedOn([{ ...newer, from: { role: 'user' } }], { verb: 'grid.save', rowId: 'litige', rev: 1, then: 'stay' })).toBeUndefined();
    expect(cardActedOn([newer], 'grid.save')).toBeUndefined();
  });
});

describe('WebChatChannel', () => {
  const make = () => {
    const delivered: Record<string, unknown>[] = [];
    const channel = new WebChatChannel({
      deliver: async (activity) => {
        delivered.push(activity);
      },
      serviceUrl: () => 'http://127.0.0.1:3978/',
      now: () => new Date('2026-11-28T08:00:00.000Z'),
      maxConversations: 2,
    });
    return { channel, delivered };
  };

  it('greets a new conversation once, as a Teams install would', async () => {
    const { channel, delivered } = make();
    const claire = webChatIdentity('claire');
    await channel.start(claire);
    await channel.start(claire);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      type: 'conversationUpdate',
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:3978/',
      membersAdded: [{ id: 'webchat:claire' }],
      conversation: { id: 'webchat-claire', conversationType: 'personal', tenantId: 'local' },
      channelData: { tenant: { id: 'local' } },
    });
  });

  it('gives the bot the user’s message with the identity of the token, not the one the page claims', async () => {
    const { channel, delivered } = make();
    await channel.fromUser(webChatIdentity('marc'), { type: 'message', text: 'aide', from: { id: 'someone-else' } });
    expect(delivered[0]).toMatchObject({ text: 'aide', locale: 'fr-FR', from: { id: 'webchat:marc', aadObjectId: 'local:marc', role: 'user' } });
  });

  it('sets replyToId on a card submission to the card it came from', async () => {
    const { channel, delivered } = make();
    const marc = webChatIdentity('marc');
    const cardId = channel.fromBot(marc.conversationId, card('ignored', [submit({ verb: 'evaluation.start', evaluationId: 'e1' })]));
    await channel.fromUser(marc, { type: 'message', value: { verb: 'evaluation.start', evaluationId: 'e1' } });
    expect(delivered[0]).toMatchObject({ replyToId: cardId });
  });

  it('serves activities after a watermark; an update is re-sent under the same id at its first timestamp', () => {
    const { channel } = make();
    const first = channel.fromBot('webchat-ines', { type: 'message', text: 'un' });
    const page1 = channel.activities('webchat-ines', undefined);
    expect(page1.activities.map((a) => a.id)).toEqual([first]);
    channel.update('webchat-ines', first, { type: 'message', text: 'un (modifié)' });
    const page2 = channel.activities('webchat-ines', page1.watermark);
    expect(page2.activities).toMatchObject([{ id: first, text: 'un (modifié)', timestamp: '2026-11-28T08:00:00.000Z' }]);
    expect(channel.activities('webchat-ines', page2.watermark).activities).toEqual([]);
    // A watermark from an earlier run of the server starts again from the beginning.
    expect(channel.activities('webchat-ines', 'deadbeef.7').activities).toHaveLength(2);
  });

  it('keeps a known replyToId and drops an unknown one', () => {
    const { channel } = make();
    const first = channel.fromBot('webchat-ines', { type: 'message', text: 'un' });
    channel.fromBot('webchat-ines', { type: 'message', text: 'deux' }, first);
    channel.fromBot('webchat-ines', { type: 'message', text: 'trois', replyToId: 'from-before-a-restart' });
    const [, two, three] = channel.activities('webchat-ines', undefined).activities;
    expect(two?.replyToId).toBe(first);
    expect(three?.replyToId).toBeUndefined();
  });

  it('keeps a bounded number of conversations, dropping the least recently used', () => {
    const { channel } = make();
    channel.fromBot('webchat-a', { type: 'message', text: 'a' });
    channel.fromBot('webchat-b', { type: 'message', text: 'b' });
    channel.activities('webchat-a', undefined);
    channel.fromBot('webchat-c', { type: 'message', text: 'c' });
    expect(channel.activities('webchat-a', undefined).activities).toHaveLength(1);
    expect(channel.activities('webchat-b', undefined).activities).toHaveLength(0);
  });
});
