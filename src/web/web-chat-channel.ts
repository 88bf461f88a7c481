import { randomBytes } from 'node:crypto';
import { cardActedOn } from './card-reply-target.js';
import { ConversationLog, type LoggedActivity } from './conversation-log.js';
import type { WebChatIdentity } from './identity.js';

/** Hands one activity to the bot and resolves when its turn is over. */
export type DeliverToBot = (activity: Record<string, unknown>) => Promise<void>;

export const WEB_CHAT_CHANNEL_ID = 'webchat';
export const WEB_CHAT_TENANT_ID = 'local';
const BOT_ACCOUNT = { id: 'jury-cqp-bot', name: 'Jury CQP', role: 'bot' };
/** Fields of a Web Chat activity passed on; anything else (uploads, speech) is not supported here. */
const USER_FIELDS = ['type', 'text', 'textFormat', 'value', 'locale', 'entities', 'channelData', 'name'] as const;

/**
 * The in-process channel behind the demo web chat: Direct Line's side (what
 * Web Chat posts and polls) and the Bot Connector's side (what the bot sends
 * back) meet in one conversation log per person. Nothing here is persisted:
 * after a restart, open tabs keep polling and see what the bot sends next.
 */
export class WebChatChannel {
  /** Prefix of activity ids and watermarks: ids of an earlier run never collide with this one's. */
  private readonly boot = randomBytes(4).toString('hex');
  private counter = 0;
  private readonly conversations = new Map<string, ConversationLog>();

  constructor(
    private readonly options: {
      deliver: DeliverToBot;
      /** This server's own address, given to the bot as `serviceUrl`. */
      serviceUrl: () => string;
      now?: () => Date;
      maxConversations?: number;
      maxActivitiesPerConversation?: number;
    },
  ) {}

  /** The conversation, created on first use (a proactive post after a restart creates it too). */
  conversation(conversationId: string): ConversationLog {
    let log = this.conversations.get(conversationId);
    if (log) {
      // Most recently used last, so the oldest conversation is dropped first.
      this.conversations.delete(conversationId);
      this.conversations.set(conversationId, log);
      return log;
    }
    log = new ConversationLog(conversationId, this.options.maxActivitiesPerConversation ?? 500);
    this.conversations.set(conversationId, log);
    const max = this.options.maxConversations ?? 200;
    while (this.conversations.size > max) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
    return log;
  }

  /** Opens the person's conversation; a new one greets them as Teams does on install. */
  async start(identity: WebChatIdentity): Promise<void> {
    if (this.conversations.has(identity.conversationId)) {
      this.conversation(identity.conversationId);
      return;
    }
    this.conversation(identity.conversationId);
    await this.options.deliver({
      ...this.envelope(identity),
      type: 'conversationUpdate',
      id: this.nextId(),
      membersAdded: [{ id: identity.id, name: identity.name }],
    });
  }

  /** What Web Chat posted: echoed into the conversation (Web Chat expects it back), then given to the bot. */
  async fromUser(identity: WebChatIdentity, posted: Record<string, unknown>): Promise<string> {
    const log = this.conversation(identity.conversationId);
    const picked = Object.fromEntries(USER_FIELDS.filter((key) => posted[key] !== undefined).map((key) => [key, posted[key]]));
    const id = this.nextId();
    const timestamp = this.now().toISOString();
    const from = { id: identity.id, name: identity.name, role: 'user' };
    log.append({ ...picked, id, timestamp, from, conversation: { id: identity.conversationId }, channelId: WEB_CHAT_CHANNEL_ID });
    if (picked.type !== 'message') return id;
    const replyToId = picked.value === undefined ? undefined : cardActedOn(log.latest(), picked.value);
    const channelData = picked.channelData && typeof picked.channelData === 'object' ? (picked.channelData as Record<string, unknown>) : {};
    await this.options.deliver({
      ...picked,
      ...this.envelope(identity),
      id,
      timestamp,
      locale: typeof picked.locale === 'string' ? picked.locale : 'fr-FR',
      channelData: { ...channelData, tenant: { id: WEB_CHAT_TENANT_ID } },
      ...(replyToId ? { replyToId } : {}),
    });
    return id;
  }

  /**
   * What the bot sent (send, reply, or proactive). A `replyToId` this
   * conversation does not know is dropped: Web Chat would hold the message
   * back for seconds waiting for it.
   */
  fromBot(conversationId: string, activity: Record<string, unknown>, replyToId?: string): string {
    const log = this.conversation(conversationId);
    const id = this.nextId();
    const { replyToId: _ignored, serviceUrl: _serviceUrl, ...rest } = activity;
    const reply = replyToId ?? (typeof activity.replyToId === 'string' ? activity.replyToId : undefined);
    log.append({
      ...rest,
      id,
      timestamp: this.now().toISOString(),
      from: { ...this.botAccount(activity), role: 'bot' },
      conversation: { id: conversationId },
      channelId: WEB_CHAT_CHANNEL_ID,
      ...(reply && log.find(reply) ? { replyToId: reply } : {}),
    });
    return id;
  }

  /** The bot replaced an activity: re-sent with the same id and first timestamp, so Web Chat swaps it in place. */
  update(conversationId: string, activityId: string, activity: Record<string, unknown>): string {
    const log = this.conversation(conversationId);
    const previous = log.find(activityId);
    const { serviceUrl: _serviceUrl, ...rest } = activity;
    log.append({
      ...rest,
      id: activityId,
      timestamp: typeof previous?.timestamp === 'string' ? previous.timestamp : this.now().toISOString(),
      from: { ...this.botAccount(activity), role: 'bot' },
      conversation: { id: conversationId },
      channelId: WEB_CHAT_CHANNEL_ID,
      ...(typeof previous?.replyToId === 'string' ? { replyToId: previous.replyToId } : {}),
    });
    return activityId;
  }

  /** Activities after a watermark; a watermark of another run (or none) means from the start. */
  activities(conversationId: string, watermark: string | undefined): { activities: LoggedActivity[]; watermark: string } {
    const match = /^([0-9a-f]{8})\.(\d+)$/.exec(watermark ?? '');
    const from = match && match[1] === this.boot ? Number(match[2]) : 0;
    const { activities, next } = this.conversation(conversationId).since(from);
    return { activities, watermark: `${this.boot}.${next}` };
  }

  private envelope(identity: WebChatIdentity): Record<string, unknown> {
    return {
      channelId: WEB_CHAT_CHANNEL_ID,
      serviceUrl: this.options.serviceUrl(),
      from: { id: identity.id, name: identity.name, aadObjectId: identity.aadObjectId, role: 'user' },
      recipient: BOT_ACCOUNT,
      conversation: { id: identity.conversationId, conversationType: 'personal', isGroup: false, tenantId: WEB_CHAT_TENANT_ID },
      channelData: { tenant: { id: WEB_CHAT_TENANT_ID } },
    };
  }

  private botAccount(activity: Record<string, unknown>): Record<string, unknown> {
    const from = activity.from;
    return from && typeof from === 'object' ? { ...(from as Record<string, unknown>) } : { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name };
  }

  private nextId(): string {
    this.counter += 1;
    return `${this.boot}-${this.counter}`;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
