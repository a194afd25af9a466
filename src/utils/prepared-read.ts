import type { Knex } from 'knex';

/**
 * Numbers no real value takes, standing in for a read's values while its SQL is built: a binding
 * equal to one of them is that value's place. Numbers rather than text, because knex takes
 * `limit` and `offset` only as numbers.
 */
const PLACEHOLDER_BASE = 1_987_654_000;
const MAX_VALUES = 500;

type Row = Record<string, unknown>;

/** A read built for placeholders: its query, and how a result row becomes what the caller wants. */
export interface BuiltRead<T> {
  query: Knex.QueryBuilder;
  read: (row: Row) => T;
}

interface Compiled<T> {
  sql: string;
  /** For each binding: the index of the value it takes, or the fixed value the build gave it. */
  bindings: ({ value: number } | { fixed: unknown })[];
  read: (row: Row) => T;
}

/**
 * Runs reads whose SQL is built once per shape and then only given new values. Building a knex
 * query and compiling it to SQL cost more than running it on a public page of documents, and the
 * shapes are few: which filters a request uses and who asks, not their values.
 *
 * `shape` must name everything that changes the SQL other than `values` (the caller's scope, which
 * filters are present, the sort, the length of every list). `build` gets one placeholder per value
 * and must use each only as a query value. A shape whose placeholders do not all come out as
 * bindings (knex wrote one into the SQL text) is never kept: it is built afresh every time.
 */
export function preparedReads(knex: () => Knex, maxShapes = 256) {
  const shapes = new Map<string, Compiled<unknown> | null>();

  function compile<T>(built: BuiltRead<T>, count: number): Compiled<T> | null {
    const { sql, bindings } = built.query.toSQL();
    const seen = new Set<number>();
    const mapped = (bindings as unknown[]).map((binding) => {
      const index = typeof binding === 'number' ? binding - PLACEHOLDER_BASE : -1;
      if (index >= 0 && index < count) {
        seen.add(index);
        return { value: index };
      }
      return { fixed: binding };
    });
    if (seen.size !== count || sql.includes(String(PLACEHOLDER_BASE).slice(0, 6))) return null;
    return { sql, bindings: mapped, read: built.read };
  }

  return async function run<T>(shape: string, values: readonly unknown[], build: (placeholders: number[]) => BuiltRead<T>): Promise<T[]> {
    if (values.length > MAX_VALUES) throw new Error(`a prepared read takes at most ${MAX_VALUES} values`);
    let compiled = shapes.get(shape) as Compiled<T> | null | undefined;
    if (compiled === undefined) {
      compiled = compile(build(values.map((_value, index) => PLACEHOLDER_BASE + index)), values.length);
      if (shapes.size >= maxShapes) shapes.delete(shapes.keys().next().value as string);
      shapes.set(shape, compiled as Compiled<unknown> | null);
    }
    if (compiled === null) {
      const built = build(values as number[]);
      return ((await built.query) as Row[]).map(built.read);
    }
    const bindings = compiled.bindings.map((binding) => ('value' in binding ? values[binding.value] : binding.fixed));
    const result = (await knex().raw(compiled.sql, bindings as Knex.RawBinding[])) as Row[] | { rows: Row[] };
    const rows = Array.isArray(result) ? result : result.rows;
    return rows.map(compiled.read);
  };
}

export type PreparedReads = ReturnType<typeof preparedReads>;

type Values = Record<string, unknown>;

/**
 * A read's named values (lists among them) as `run` takes them: one list of values, a shape that
 * says which names are present and how long each list is, and the same record with `run`'s
 * placeholders in their places.
 */
export function namedValues<T extends Values>(named: T) {
  const names = Object.keys(named)
    .filter((name) => named[name] !== undefined)
    .sort();
  const values: unknown[] = [];
  const shape: string[] = [];
  for (const name of names) {
    const value = named[name];
    if (Array.isArray(value)) {
      values.push(...value);
      shape.push(`${name}[${value.length}]`);
    } else {
      values.push(value);
      shape.push(name);
    }
  }
  return {
    values,
    shape: shape.join(','),
    /** The record again, each value replaced by its placeholder. */
    fill(placeholders: readonly number[]): T {
      const filled: Values = {};
      let next = 0;
      for (const name of names) {
        const value = named[name];
        if (Array.isArray(value)) {
          filled[name] = placeholders.slice(next, next + value.length);
          next += value.length;
        } else {
          filled[name] = placeholders[next];
          next += 1;
        }
      }
      return filled as T;
    },
  };
}
