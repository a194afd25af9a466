import { checkData, checkQuery, checkWhere, scalarProblem, ShapeError, type ShapeAttribute } from '../../../src/utils/input-shape';

const SCHEMA: Record<string, Record<string, ShapeAttribute>> = {
  doc: { title: { type: 'string' }, count: { type: 'integer' }, on: { type: 'date' }, issuer: { type: 'relation', target: 'org' }, parts: { type: 'component', component: 'part', repeatable: true } },
  org: { name: { type: 'string', maxLength: 20 } },
  part: { size: { type: 'integer' } },
};
const attributeOf = (uid: string, name: string) => (Object.prototype.hasOwnProperty.call(SCHEMA[uid] ?? {}, name) ? SCHEMA[uid][name] : undefined);
const problem = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ShapeError) return `${error.path.join('.')} ${error.problem}`;
    throw error;
  }
};

describe('scalarProblem', () => {
  it.each([
    ['integer', '2147483647', null],
    ['integer', '2147483648', 'must be a whole number from -2147483648 to 2147483647'],
    ['integer', '1.5', 'must be a whole number from -2147483648 to 2147483647'],
    ['integer', 'abc', 'must be a number'],
    ['integer', '', 'must be a number'],
    ['biginteger', '9223372036854775807', null],
    ['biginteger', '9223372036854775808', 'must be a whole number within 64 bits'],
    ['float', '1e3', null],
    ['float', 'Infinity', 'must be a number'],
    ['boolean', 'true', null],
    ['boolean', 'yes', 'must be true or false'],
    ['date', '2024-02-29', null],
    ['date', '2023-02-29', 'must be a calendar date (YYYY-MM-DD)'],
    ['datetime', '2024-01-01T00:00:00Z', null],
    ['datetime', 'soon', 'must be a date and time'],
    ['string', 'a\u0000b', 'must not contain a NUL character'],
    ['string', { $ne: 1 }, 'must be a single value'],
    ['string', null, null],
  ])('%s %j', (type, value, expected) => {
    expect(scalarProblem(type, value)).toBe(expected);
  });
});

describe('checkWhere', () => {
  it.each([
    [{ title: { $eq: { $ne: 'x' } } }, 'filters.title.$eq must be a single value'],
    [{ $and: 'x' }, 'filters.$and must be a list of filters'],
    [{ $or: ['x'] }, 'filters.$or.0 must be an object'],
    [{ title: { $between: ['a'] } }, 'filters.title.$between must be a list of two values'],
    [{ title: { $between: ['a', 'b'] } }, null],
    [{ count: { $in: ['1', 'x'] } }, 'filters.count.$in.1 must be a number'],
    [{ title: { $shout: 'x' } }, 'filters.title.$shout is not a filter operator'],
    [{ issuer: { name: { $not: { $eq: 'x' } } } }, null],
    [{ issuer: { name: { $eq: ['x'] } } }, 'filters.issuer.name.$eq must be a single value'],
    [{ issuer: 'abc' }, 'filters.issuer must be a number'],
    [{ issuer: { $null: 'maybe' } }, 'filters.issuer.$null must be true or false'],
    [{ parts: { size: { $gt: 'big' } } }, 'filters.parts.size.$gt must be a number'],
    [{ constructor: { $eq: 1 } }, 'filters.constructor is not an attribute'],
    ['x', 'filters must be an object'],
  ])('%j', (where, expected) => {
    expect(problem(() => checkWhere(attributeOf, 'doc', where))).toBe(expected);
  });
});

describe('checkQuery', () => {
  it.each([
    [{ populate: { issuer: { where: { name: { $eq: {} } } } } }, 'populate.issuer.filters.name.$eq must be a single value'],
    [{ _q: ['x'] }, '_q must be text'],
    [{ offset: 1e20 }, 'pagination.start must be a whole number from 0 to 2147483647'],
    [{ page: 100000, pageSize: 100000 }, 'pagination.page is past the last row there could be'],
    [{ limit: -1 }, null],
  ])('%j', (query, expected) => {
    expect(problem(() => checkQuery(attributeOf, 'doc', query))).toBe(expected);
  });
});

describe('checkData', () => {
  it.each([
    [{ constructor: { prototype: {} } }, 'data.constructor is not an attribute'],
    [{ title: 'x'.repeat(255) }, null],
    [{ title: 'x'.repeat(256) }, 'data.title must be at most 255 characters'],
    [{ count: 1e308 }, 'data.count must be a whole number from -2147483648 to 2147483647'],
    [{ parts: [{ size: 1 }, { size: 'x' }] }, 'data.parts.1.size must be a number'],
    [{ issuer: { connect: [{ documentId: 'a\u0000' }] } }, 'data.issuer.connect.0.documentId must not contain a NUL character'],
    [{ issuer: { __proto__x: 1, connect: [] } }, null],
  ])('%j', (data, expected) => {
    expect(problem(() => checkData(attributeOf, 'doc', data))).toBe(expected);
  });

  it('refuses an own __proto__ key, as JSON.parse makes one', () => {
    expect(problem(() => checkData(attributeOf, 'doc', JSON.parse('{"title":"x","__proto__":{"admin":true}}')))).toBe('data.__proto__ is not an attribute');
  });
});

it('lets through values only the server builds, such as a subquery in $notIn', () => {
  class Subquery {}
  expect(problem(() => checkWhere(attributeOf, 'doc', { $and: [{ id: { $notIn: new Subquery() } }, { count: { $eq: new Subquery() } }] }))).toBeNull();
});
