/**
 * Knows when the database may have changed, from the query builder itself: every statement that
 * is not a read marks its connection, and the connection's return to the pool (after its
 * statement, or after COMMIT or ROLLBACK of its transaction) settles the change. Nothing that
 * writes through the app's database connection can bypass it: the Document Service, the query
 * engine, raw SQL, migrations.
 *
 * An answer computed while any change is unsettled, or across a change, is never stored: a read
 * that began before a commit may have seen the old rows.
 */

/** Statements that never change data. Anything else (and anything unrecognised) counts as a write. */
const READ_STATEMENT = /^\s*(?:select|pragma|explain|show|begin|start\s+transaction|commit|end|rollback|savepoint|release|set|listen|unlisten|notify|values)\b/i;
const WRITE_WORD = /\b(?:insert|update|delete|merge|truncate)\b/i;

/** The table of a one-table write, schema-qualified or not (PostgreSQL: `"public"."strapi_sessions"`). */
const SINGLE_TABLE_WRITE = /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from)\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)[`"]?[\s(]/i;

/**
 * Whether a statement may change data a public answer shows. Writes to `unwatched` tables (sign-in
 * sessions, the last use of an API token: nothing any public answer reads) are not such changes,
 * so a busy admin does not empty the cache with every refresh of its session.
 */
export function isWriteStatement(sql: unknown, unwatched: ReadonlySet<string> = new Set()): boolean {
  if (typeof sql !== 'string') return true;
  const text = sql.replace(/^\s*(?:(?:--[^\n]*\n)|(?:\/\*[\s\S]*?\*\/))\s*/g, '');
  if (/^\s*with\b/i.test(text)) return WRITE_WORD.test(text);
  if (READ_STATEMENT.test(text)) return false;
  const table = SINGLE_TABLE_WRITE.exec(text)?.[1];
  return !(table && unwatched.has(table.toLowerCase()));
}

interface KnexLike {
  on(event: 'query', listener: (query: { sql?: unknown; __knexUid?: string }) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  client: { pool?: PoolLike | null };
}

interface PoolLike {
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
}

export type ChangeSource = 'local' | 'peer';

export class WriteWatch {
  /** Changes each time the data may have changed; an answer is stored only under the generation it began in. */
  generation = 0;
  private readonly unsettled = new Set<string>();
  private readonly listeners = new Set<(source: ChangeSource) => void>();
  private detach: (() => void) | null = null;

  constructor(private readonly unwatched: ReadonlySet<string> = new Set()) {}

  /** No write is running or waiting for its transaction to end. */
  get quiet(): boolean {
    return this.unsettled.size === 0;
  }

  /** Nothing changed since `generation` was read, and no write is unsettled: what was read then may be kept. */
  unchangedSince(generation: number): boolean {
    return this.generation === generation && this.quiet;
  }

  attach(knex: KnexLike): void {
    const onQuery = (query: { sql?: unknown; __knexUid?: string }) => {
      if (!isWriteStatement(query.sql, this.unwatched)) return;
      this.unsettled.add(query.__knexUid ?? 'unknown');
      this.changed('local', false);
    };
    const onRelease = (connection: { __knexUid?: string } | undefined) => this.settle(connection?.__knexUid);
    const onDestroy = (_id: unknown, connection: { __knexUid?: string } | undefined) => this.settle(connection?.__knexUid);
    knex.on('query', onQuery);
    const pool = knex.client.pool;
    pool?.on('release', onRelease as never);
    pool?.on('destroySuccess', onDestroy as never);
    this.detach = () => {
      knex.removeListener('query', onQuery as never);
      pool?.removeListener('release', onRelease as never);
      pool?.removeListener('destroySuccess', onDestroy as never);
    };
  }

  close(): void {
    this.detach?.();
    this.detach = null;
    this.listeners.clear();
  }

  /** Called with 'local' when a change of this process has settled, 'peer' when another's has. */
  onChange(listener: (source: ChangeSource) => void): void {
    this.listeners.add(listener);
  }

  /** Another process changed the data (a peer instance, a script). */
  changedElsewhere(): void {
    this.changed('peer', true);
  }

  private settle(uid: string | undefined): void {
    if (!this.unsettled.delete(uid ?? 'unknown')) return;
    this.changed('local', true);
  }

  private changed(source: ChangeSource, settled: boolean): void {
    this.generation += 1;
    if (!settled) return;
    for (const listener of this.listeners) listener(source);
  }
}
