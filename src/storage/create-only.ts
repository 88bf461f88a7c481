/**
 * The eTag a write carries to mean "create: the record must not exist yet".
 * No store ever issues it, so MemoryStore and FileStorage (and botbuilder's
 * MemoryStorage), which refuse a write whose eTag differs from the stored
 * one's, already refuse it when the record exists and accept it when it does
 * not; BlobStorage maps it to `If-None-Match: *`. Two instances creating one
 * record: exactly one wins.
 */
export const CREATE_ONLY_ETAG = 'create-only:must-not-exist';
