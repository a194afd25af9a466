import createKnex, { type Knex } from 'knex';
import { namedValues, preparedReads } from '../../../src/utils/prepared-read';

let knex: Knex;
const queries: string[] = [];

beforeAll(async () => {
  knex = createKnex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await knex.schema.createTable('items', (table) => {
    table.increments('id');
    table.string('name');
    table.string('kind');
  });
  await knex('items').insert(['甲', '乙', '丙', '丁', '戊'].map((name, index) => ({ name, kind: index % 2 ? 'odd' : 'even' })));
  knex.on('query', (query: { sql: string }) => queries.push(query.sql));
});

afterAll(() => knex.destroy());

describe('namedValues', () => {
  it('lists the values in name order, lists spread out, and says which names and lengths make the shape', () => {
    const named = namedValues({ kind: 'odd', ids: [3, 4], absent: undefined, limit: 10 });
    expect(named.values).toEqual([3, 4, 'odd', 10]);
    expect(named.shape).toBe('ids[2],kind,limit');
    expect(named.fill([100, 101, 102, 103])).toEqual({ ids: [100, 101], kind: 102, limit: 103 });
  });
});

describe('preparedReads', () => {
  const byKind = (run: ReturnType<typeof preparedReads>, kind: string, ids: number[], limit: number) => {
    const named = namedValues({ kind, ids, limit });
    return run(`items ${named.shape}`, named.values, (placeholders) => {
      const values = named.fill(placeholders);
      return {
        query: knex('items').where('kind', values.kind).whereIn('id', values.ids as number[]).orderBy('id').limit(values.limit as number).select('id', 'name'),
        read: (row) => `${row.id}:${row.name}`,
      };
    });
  };

  it('gives each call its own values on the SQL built the first time', async () => {
    const run = preparedReads(() => knex);
    expect(await byKind(run, 'even', [1, 3, 5], 10)).toEqual(['1:甲', '3:丙', '5:戊']);
    expect(await byKind(run, 'odd', [2, 3, 4], 1)).toEqual(['2:乙']);
    expect(await byKind(run, 'even', [2, 4, 5], 10)).toEqual(['5:戊']);
  });

  it('builds a read afresh every time when knex wrote a value into the SQL instead of binding it', async () => {
    const run = preparedReads(() => knex);
    // knex.raw with a value inlined: the placeholder never comes back as a binding.
    const inlined = (name: string) =>
      run('inlined', [name], ([value]) => ({ query: knex('items').whereRaw(`name = '${String(value)}'`).select('id'), read: (row) => row.id }));
    expect(await inlined('乙')).toEqual([2]);
    expect(await inlined('丁')).toEqual([4]);
    expect(queries.filter((sql) => sql.includes("name = '丁'"))).toHaveLength(1);
  });

  it('keeps a bounded number of shapes and still answers right after one was dropped', async () => {
    const run = preparedReads(() => knex, 2);
    expect(await byKind(run, 'odd', [2], 10)).toEqual(['2:乙']);
    expect(await byKind(run, 'odd', [2, 4], 10)).toEqual(['2:乙', '4:丁']);
    expect(await byKind(run, 'even', [1, 3, 5], 10)).toEqual(['1:甲', '3:丙', '5:戊']);
    expect(await byKind(run, 'odd', [4], 10)).toEqual(['4:丁']);
  });
});
