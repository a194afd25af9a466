import { EventEmitter } from 'events';
import { canonical, noneMatch, publicCacheControl, secondsToChinaMidnight } from '../../../src/plugins/public-cache/server/src/http';
import { isWriteStatement, WriteWatch } from '../../../src/plugins/public-cache/server/src/write-watch';

describe('canonical', () => {
  it.each([
    [{ b: 1, a: 2 }, { a: 2, b: 1 }],
    [{ filters: { y: '1', x: ['b', 'a'] } }, { filters: { x: ['b', 'a'], y: '1' } }],
  ])('writes %j and %j alike', (a, b) => {
    expect(canonical(a)).toBe(canonical(b));
  });

  it.each([
    [{ sort: ['a', 'b'] }, { sort: ['b', 'a'] }],
    [{ a: '1' }, { a: 1 }],
    [{ a: null }, {}],
    [{ 'a,b': '1' }, { a: { b: '1' } }],
  ])('tells %j from %j', (a, b) => {
    expect(canonical(a)).not.toBe(canonical(b));
  });
});

describe('noneMatch', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x" ,W/"abc" ', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
  ])('If-None-Match %p against "abc": %p', (header, expected) => {
    expect(noneMatch(header, '"abc"')).toBe(expected);
  });
});

describe('freshness and midnight in China (UTC+8)', () => {
  it.each([
    ['2026-12-01T15:59:59Z', 1],
    ['2026-12-01T16:00:00Z', 86400],
    ['2026-12-01T15:00:00Z', 3600],
    ['2026-12-01T00:00:00Z', 16 * 3600],
  ])('at %s the day in China has %i seconds left', (at, seconds) => {
    expect(secondsToChinaMidnight(new Date(at))).toBe(seconds);
  });

  it.each([
    ['2026-12-01T08:00:00Z', 'public, max-age=10, stale-while-revalidate=30'],
    ['2026-12-01T15:59:30Z', 'public, max-age=10, stale-while-revalidate=20'],
    ['2026-12-01T15:59:55Z', 'public, max-age=5'],
    ['2026-12-01T15:59:59Z', 'public, max-age=1'],
  ])('at %s: %s', (at, header) => {
    expect(publicCacheControl(new Date(at), 10, 30)).toBe(header);
  });
});

describe('isWriteStatement', () => {
  it.each([
    ['select * from t', false],
    ['  SELECT 1', false],
    ['pragma data_version', false],
    ['BEGIN;', false],
    ['BEGIN IMMEDIATE;', false],
    ['COMMIT;', false],
    ['ROLLBACK', false],
    ['savepoint trx1', false],
    ['release savepoint trx1', false],
    ['select pg_notify(?, ?)', false],
    ['select * from t for update', false],
    ['with x as (select 1) select * from x', false],
    ['/* note */ select 1', false],
    ['insert into t values (1)', true],
    ['update t set a = 1', true],
    ['delete from t', true],
    ['  DELETE FROM t', true],
    ['create table t (a int)', true],
    ['alter table t add b int', true],
    ['drop table t', true],
    ['truncate t', true],
    ['replace into t values (1)', true],
    ['with x as (delete from t returning *) select * from x', true],
    ['-- comment\nupdate t set a = 1', true],
    [undefined, true],
  ])('%p: %p', (sql, expected) => {
    expect(isWriteStatement(sql)).toBe(expected);
  });

  it.each([
    ['insert into `strapi_sessions` (`a`) values (?)', false],
    ['update "strapi_sessions" set "a" = $1', false],
    ['delete from `strapi_sessions` where `id` = ?', false],
    ['insert or replace into strapi_sessions values (1)', false],
    ['insert into "public"."strapi_sessions" ("a") values ($1) returning "id"', false],
    ['delete from "public"."strapi_sessions" where "expires_at" < $1', false],
    ['update "public"."normative_documents" set "title" = $1', true],
    ['update `normative_documents` set `title` = ?', true],
    ['update `strapi_sessions_extra` set `a` = ?', true],
    ['update strapi_sessions_x set a = 1', true],
  ])('with sessions unwatched, %p: %p', (sql, expected) => {
    expect(isWriteStatement(sql, new Set(['strapi_sessions']))).toBe(expected);
  });
});

describe('WriteWatch', () => {
  /** A query builder and its pool, as far as the watch listens to them. */
  function fakeDatabase() {
    const knex = new EventEmitter() as EventEmitter & { client: { pool: EventEmitter } };
    knex.client = { pool: new EventEmitter() };
    return knex;
  }

  it('is unsettled from a write until its connection is back in the pool, and then announces the change once', () => {
    const knex = fakeDatabase();
    const watch = new WriteWatch();
    const changes: string[] = [];
    watch.onChange((source) => changes.push(source));
    watch.attach(knex as never);
    const start = watch.generation;

    knex.emit('query', { sql: 'BEGIN;', __knexUid: 'c1' });
    knex.emit('query', { sql: 'select 1', __knexUid: 'c1' });
    expect(watch.quiet).toBe(true);
    expect(watch.generation).toBe(start);

    knex.emit('query', { sql: 'update t set a = 1', __knexUid: 'c1' });
    knex.emit('query', { sql: 'insert into t values (1)', __knexUid: 'c1' });
    expect(watch.quiet).toBe(false);
    expect(changes).toEqual([]);
    const during = watch.generation;
    expect(during).toBeGreaterThan(start);

    knex.emit('query', { sql: 'COMMIT;', __knexUid: 'c1' });
    expect(watch.quiet).toBe(false);
    knex.client.pool.emit('release', { __knexUid: 'c2' });
    expect(watch.quiet).toBe(false);
    knex.client.pool.emit('release', { __knexUid: 'c1' });
    expect(watch.quiet).toBe(true);
    expect(watch.generation).toBeGreaterThan(during);
    expect(changes).toEqual(['local']);

    // A connection that only read is released without a change.
    knex.client.pool.emit('release', { __knexUid: 'c1' });
    expect(changes).toEqual(['local']);
  });

  it('settles a write whose connection is destroyed instead of released', () => {
    const knex = fakeDatabase();
    const watch = new WriteWatch();
    watch.attach(knex as never);
    knex.emit('query', { sql: 'delete from t', __knexUid: 'c9' });
    expect(watch.quiet).toBe(false);
    knex.client.pool.emit('destroySuccess', 1, { __knexUid: 'c9' });
    expect(watch.quiet).toBe(true);
  });

  it('counts a change elsewhere as a change, not as one of its own', () => {
    const watch = new WriteWatch();
    const changes: string[] = [];
    watch.onChange((source) => changes.push(source));
    const start = watch.generation;
    watch.changedElsewhere();
    expect(watch.generation).toBeGreaterThan(start);
    expect(changes).toEqual(['peer']);
  });

  it('stops listening when closed', () => {
    const knex = fakeDatabase();
    const watch = new WriteWatch();
    watch.attach(knex as never);
    watch.close();
    knex.emit('query', { sql: 'delete from t', __knexUid: 'c1' });
    expect(watch.quiet).toBe(true);
  });
});
