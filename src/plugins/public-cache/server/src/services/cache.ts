import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { PLUGIN_ID } from '../constants';
import type { PublicCacheConfig } from '../config';
import { installFastPath } from '../fast-path';
import { createKeys, type Keys } from '../keys';
import { connectPeers, type Peers } from '../peers';
import { WriteWatch } from '../write-watch';

/** One stored answer: the bytes and what is needed to send them again. */
export interface Entry {
  body: Buffer;
  etag: string;
  /** The headers the answer was sent with (security, CORS for the key's origin, type, Vary), sent again as they were. */
  headers: Record<string, string | string[]>;
  /** What a hit is sent with, beside `Cache-Control`: the stored headers, the tag, the length. */
  wire: Record<string, string | string[] | number>;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  /** Answers computed but not stored because the data changed while they were computed. */
  discarded: number;
  /** Times the whole cache was emptied because the data changed, here or on another instance. */
  invalidations: number;
}

/** Per entry, beyond its body and key: the entry object, the map's node, the key's string header. */
const ENTRY_OVERHEAD_BYTES = 200;
/** Remembered values are small (a number); this bounds how many distinct ones are kept. */
const MAX_REMEMBERED = 10000;

export const entityTag = (body: Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as PublicCacheConfig;
  const watch = new WriteWatch(new Set(config().unwatchedTables.map((table) => table.toLowerCase())));
  const counts = { hits: 0, misses: 0, discarded: 0, invalidations: 0 };
  let entries: LRUCache<string, Entry> | null = null;
  let peers: Peers | null = null;
  let keys: Keys | null = null;
  let removeFastPath: (() => void) | null = null;
  /** Values worked out from the data (the total of a list), kept until the data changes. */
  const remembered = new Map<string, unknown>();
  /** Answers being computed, so that many requests for one key after a change compute it once. */
  const computing = new Map<string, { generation: number; done: Promise<Entry | null> }>();

  const store = (): LRUCache<string, Entry> => {
    if (!entries) {
      const maxBytes = config().maxBytes;
      entries = new LRUCache<string, Entry>({
        maxSize: maxBytes,
        // One answer may take at most an eighth of the cache, so a few huge lists cannot push out everything else.
        maxEntrySize: Math.floor(maxBytes / 8),
        sizeCalculation: (entry, key) => entry.body.length + key.length * 2 + ENTRY_OVERHEAD_BYTES,
      });
    }
    return entries;
  };

  const service = {
    watch,

    /** How requests are keyed (built once the configuration is complete). */
    keys(): Keys {
      if (!keys) keys = createKeys(strapi);
      return keys;
    },

    async start(): Promise<void> {
      watch.attach(strapi.db.connection as never);
      watch.onChange(() => {
        counts.invalidations += 1;
        store().clear();
        computing.clear();
        remembered.clear();
      });
      peers = await connectPeers(strapi, watch);
      removeFastPath = installFastPath(strapi, service);
    },

    async stop(): Promise<void> {
      removeFastPath?.();
      removeFastPath = null;
      await peers?.close();
      peers = null;
      watch.close();
    },

    get(key: string): Entry | undefined {
      const entry = store().get(key);
      if (entry) counts.hits += 1;
      return entry;
    },

    /** The answer another request is computing for this key under the current data, if any. */
    inProgress(key: string): Promise<Entry | null> | undefined {
      const running = computing.get(key);
      return running && running.generation === watch.generation ? running.done : undefined;
    },

    /**
     * Runs `compute` for a key not in the cache and stores its answer, unless the data changed
     * (or a write was unsettled) at any moment while it ran.
     */
    async compute(key: string, compute: () => Promise<Entry | null>): Promise<Entry | null> {
      counts.misses += 1;
      const generation = watch.generation;
      let settle!: (entry: Entry | null) => void;
      const done = new Promise<Entry | null>((resolve) => (settle = resolve));
      computing.set(key, { generation, done });
      let entry: Entry | null = null;
      try {
        entry = await compute();
      } finally {
        const stable = watch.unchangedSince(generation);
        if (entry && stable) store().set(key, entry);
        else if (entry) counts.discarded += 1;
        if (computing.get(key)?.done === done) computing.delete(key);
        settle(stable ? entry : null);
      }
      return entry;
    },

    /**
     * A value computed from the data, kept until the data changes, by the same rule as answers:
     * not kept when a write ran while it was computed. For costly parts of answers that are not
     * cached whole (a list's total, the same on every page and for every caller of one scope).
     */
    async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (remembered.has(key)) return remembered.get(key) as T;
      const generation = watch.generation;
      const value = await compute();
      if (watch.unchangedSince(generation)) {
        if (remembered.size >= MAX_REMEMBERED) remembered.clear();
        remembered.set(key, value);
      }
      return value;
    },

    stats(): CacheStats {
      const cache = store();
      return { entries: cache.size, bytes: cache.calculatedSize ?? 0, maxBytes: config().maxBytes, ...counts };
    },
  };
  return service;
};
