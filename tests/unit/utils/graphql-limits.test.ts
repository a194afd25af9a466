import { buildSchema, parse, validate } from 'graphql';
import { aliasCount, fragmentCycle, operationCost, operationLimitsRule, unknownFragment } from '../../../src/utils/graphql-limits';

const schema = buildSchema(`
  input Page { limit: Int, pageSize: Int }
  type Doc { title: String, basedOn(pagination: Page): [Doc] }
  type Connection { nodes: [Doc] }
  type Query { docs(pagination: Page): [Doc], doc: Doc, docs_connection(pagination: Page): Connection }
`);
const limits = { maxAliases: 30, maxCost: 50000, defaultPageSize: 25, maxPageSize: 100 };

describe('fragmentCycle', () => {
  it.each([
    ['query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }', ['A', 'B', 'A']],
    ['fragment A on Query { doc { ...A } }', ['A', 'A']],
    ['query { ...A } fragment A on Query { ...B } fragment B on Query { doc { title } }', null],
  ])('%s', (source, expected) => {
    expect(fragmentCycle(parse(source))).toEqual(expected);
  });
});

it('finds a spread of a fragment that is not defined', () => {
  expect(unknownFragment(parse('query { doc { ...Missing } }'))).toBe('Missing');
  expect(unknownFragment(parse('query { ...A } fragment A on Query { doc { title } }'))).toBeNull();
});

it('counts aliases in operations and fragments', () => {
  expect(aliasCount(parse('query { a: doc { t: title } } fragment F on Query { b: doc { title } }'))).toBe(3);
});

describe('operationCost', () => {
  it.each([
    ['{ doc { title } }', 2],
    ['{ docs { title } }', 1 + 25],
    ['{ docs(pagination: { limit: 100 }) { title basedOn { title } } }', 1 + 100 * (1 + 1 + 25)],
    ['{ docs(pagination: { limit: 1000 }) { title } }', 1 + 100],
    ['query ($p: Page) { docs(pagination: $p) { title } }', 1 + 100],
    ['{ docs_connection(pagination: { pageSize: 10 }) { nodes { title } } }', 1 + 1 + 10],
    ['{ a: docs(pagination: { limit: 100 }) { ...T } b: docs(pagination: { limit: 100 }) { ...T } } fragment T on Doc { title }', 2 * (1 + 100)],
  ])('%s costs %d', (source, cost) => {
    expect(operationCost(schema, parse(source), limits)).toBe(cost);
  });
});

describe('operationLimitsRule', () => {
  const messages = (source: string) => validate(schema, parse(source), [operationLimitsRule(limits)]).map((error) => error.message);

  it.each([
    ['{ doc { title } }', []],
    ['subscription { doc { title } }', ['This API has no subscriptions: send a query or a mutation.']],
    [`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: doc { title }`).join(' ')} }`, ['The query uses 31 aliases; the limit is 30.']],
    ['{ docs(pagination: { limit: 100 }) { basedOn(pagination: { limit: 100 }) { basedOn(pagination: { limit: 100 }) { title } } } }', [expect.stringContaining('the limit is 50000')]],
  ])('%s', (source, expected) => {
    expect(messages(source)).toEqual(expected);
  });
});
