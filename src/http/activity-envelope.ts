import { z } from 'zod';
import { isWellFormedDeep } from '../well-formed-text.js';

const id = z.string().min(1).max(1_000);
const short = z.string().max(1_000);
const account = z.looseObject({ id, name: short.optional(), aadObjectId: short.optional(), role: short.optional() });

/**
 * What a turn needs from an incoming activity, checked before the adapter sees
 * it: a malformed envelope is a bad request, never a failed turn. Unknown
 * fields pass through; the known optional ones must have their documented type.
 */
const envelopeSchema = z.looseObject({
  type: z.string().min(1).max(100),
  id,
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2_000),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id,
    conversationType: short.optional(),
    isGroup: z.boolean().optional(),
    tenantId: short.optional(),
    name: short.optional(),
  }),
  text: z.string().optional(),
  locale: z.string().max(100).optional(),
  replyToId: short.optional(),
  deliveryMode: short.optional(),
  name: short.optional(),
  timestamp: short.optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  membersAdded: z.array(account).max(1_000).optional(),
  membersRemoved: z.array(account).max(1_000).optional(),
  attachments: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export type ParsedEnvelope = { type: 'ok'; activity: Envelope } | { type: 'invalid'; reason: string };

/**
 * Checks an incoming activity. `trustedServiceUrl` says where the bot may post
 * back; an activity naming another address is refused before any turn runs.
 * The reason names the field only, for the caller's developer.
 */
export function parseEnvelope(body: unknown, trustedServiceUrl: (url: string) => boolean): ParsedEnvelope {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.map(String).join('.') || 'activité';
    return { type: 'invalid', reason: `activité invalide : ${path}` };
  }
  if (!isWellFormedDeep(body)) return { type: 'invalid', reason: 'activité invalide : texte mal formé (UTF-16)' };
  if (!trustedServiceUrl(parsed.data.serviceUrl)) return { type: 'invalid', reason: 'activité invalide : serviceUrl non autorisé' };
  return { type: 'ok', activity: parsed.data };
}
