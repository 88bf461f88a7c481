/** Someone on a channel, as the Bot Framework names them. */
export interface ChannelAccountAddress {
  id: string;
  name: string;
  aadObjectId?: string;
  role?: string;
}

/**
 * Where to reach a user proactively: the fields of botbuilder's
 * ConversationReference, in our own words so that storage imports no SDK
 * (botbuilder's `Partial<ConversationReference>` fits it, and it fits that).
 */
export interface ConversationAddress {
  activityId?: string;
  user?: ChannelAccountAddress;
  locale?: string;
  bot?: ChannelAccountAddress;
  conversation?: { id: string; name: string; isGroup: boolean; conversationType: string; tenantId?: string; aadObjectId?: string };
  channelId?: string;
  serviceUrl?: string;
}
