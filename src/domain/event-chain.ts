import { createHash } from 'crypto';
import { toIsoDate } from './dates';

/**
 * Tamper evidence for a document's lifecycle history: each event's hash covers its own content and
 * the previous event's hash, so editing, removing or reordering any stored event breaks every hash
 * after it.
 */

/** The fields an event hash covers, in a fixed order. */
export interface ChainedEventContent {
  document: string;
  sequence: number;
  action: string;
  from: string | null;
  to: string;
  date: string;
  basisDocument: string | null;
  basisNumber: string | null;
  basisReference: string | null;
  reason: string | null;
  actor: string;
  occurredAt: string;
}

export interface ChainedEvent extends ChainedEventContent {
  previousHash: string | null;
  hash: string;
}

const FIELDS: (keyof ChainedEventContent)[] = [
  'document',
  'sequence',
  'action',
  'from',
  'to',
  'date',
  'basisDocument',
  'basisNumber',
  'basisReference',
  'reason',
  'actor',
  'occurredAt',
];

/**
 * The hash of one entry of any append-only history: its `fields`, in their order, and the hash of
 * the entry before it. Lifecycle events and request steps are both chained this way.
 */
export function hashChained<Content>(fields: readonly (keyof Content)[], content: Content, previousHash: string | null): string {
  const canonical = JSON.stringify([...fields.map((field) => content[field] ?? null), previousHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function hashEvent(content: ChainedEventContent, previousHash: string | null): string {
  return hashChained(FIELDS, content, previousHash);
}

export type ChainCheck = { valid: true } | { valid: false; brokenAt: number; reason: string };

/** Verifies a history chained over `fields`, ordered by sequence from the first. */
export function verifyChained<Entry extends { sequence: number; previousHash: string | null; hash: string }>(fields: readonly (keyof Entry)[], entries: readonly Entry[]): ChainCheck {
  let previous: string | null = null;
  for (const [index, entry] of entries.entries()) {
    if (entry.sequence !== index + 1) return { valid: false, brokenAt: entry.sequence, reason: `expected sequence ${index + 1}` };
    if (entry.previousHash !== previous) return { valid: false, brokenAt: entry.sequence, reason: 'previous hash does not match' };
    if (hashChained(fields, entry, previous) !== entry.hash) return { valid: false, brokenAt: entry.sequence, reason: 'content does not match its hash' };
    previous = entry.hash;
  }
  return { valid: true };
}

/** Verifies a document's events, ordered by sequence from the first. */
export function verifyChain(events: readonly ChainedEvent[]): ChainCheck {
  return verifyChained(FIELDS, events);
}

/** An event as it is stored: the chained content, its row id and the name of who acted. */
export interface StoredEvent extends ChainedEvent {
  id: number;
  actorName: string | null;
}

/** The attributes a stored event is read from, for a query that selects them itself. */
export const STORED_EVENT_ATTRIBUTES = [
  'id',
  'document',
  'sequence',
  'action',
  'fromValidity',
  'toValidity',
  'date',
  'basisDocument',
  'basisNumber',
  'basisReference',
  'reason',
  'actor',
  'actorName',
  'occurredAt',
  'previousHash',
  'hash',
] as const;

/** A stored event from its row, keyed by attribute name (as the query engine or an aliased SELECT gives it). */
export function storedEvent(row: Record<string, unknown>): StoredEvent {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: Number(row.id),
    document: row.document as string,
    sequence: Number(row.sequence),
    action: row.action as string,
    from: text(row.fromValidity),
    to: row.toValidity as string,
    date: toIsoDate(row.date) as string,
    basisDocument: text(row.basisDocument),
    basisNumber: text(row.basisNumber),
    basisReference: text(row.basisReference),
    reason: text(row.reason),
    actor: row.actor as string,
    actorName: text(row.actorName),
    occurredAt: row.occurredAt as string,
    previousHash: text(row.previousHash),
    hash: row.hash as string,
  };
}
