import { readConditions, restrictQuery, restrictWhere, forbiddenSortPath, ForbiddenSortError, type ReadModel } from '../../../src/plugins/organization-access/server/src/read-rule';

const DOC = 'doc';
const ORG = 'org';
const models = new Map<string, ReadModel>([
  [DOC, { draftAndPublish: true, disclosure: true, owner: 'issuer', links: { issuer: ORG, basedOn: DOC, parts: 'part' } }],
  [ORG, { draftAndPublish: false, disclosure: false, links: { parent: ORG, basis: DOC } }],
  ['part', { draftAndPublish: false, disclosure: false, links: { source: DOC } }],
]);
const PUBLIC = { read: 'all' as const, mayReadUnpublished: false };
const BOUND = { read: [4, 5], mayReadUnpublished: true };
const EVERYTHING = { read: 'all' as const, mayReadUnpublished: true };

describe('readConditions', () => {
  it.each([
    ['the public', PUBLIC, { $and: [{ publishedAt: { $notNull: true } }, { disclosureMode: { $ne: 'not_disclosed' } }] }],
    ['a caller bound to organizations', BOUND, { issuer: { id: { $in: [4, 5] } } }],
    ['a caller bound to none', { read: [], mayReadUnpublished: true }, { issuer: { id: { $in: [] } } }],
    ['a caller who reads everything', EVERYTHING, null],
  ])('for %s', (_name, scope, expected) => {
    expect(readConditions(models.get(DOC), scope)).toEqual(expected);
  });

  it('leaves types without drafts, disclosure or owner alone', () => {
    expect(readConditions(models.get(ORG), PUBLIC)).toBeNull();
    expect(readConditions(undefined, PUBLIC)).toBeNull();
  });
});

describe('restrictWhere', () => {
  it('adds the target condition where a filter goes through a relation, at any depth and under $or/$not', () => {
    const where = { $or: [{ basis: { title: 'x' } }, { parent: { basis: { $not: { id: 3 } } } }], name: 'y' };
    const owned = { issuer: { id: { $in: [4, 5] } } };
    expect(restrictWhere(ORG, where, models, BOUND)).toEqual({
      $or: [{ basis: { $and: [{ title: 'x' }, owned] } }, { parent: { basis: { $and: [{ $not: { id: 3 } }, owned] } } }],
      name: 'y',
    });
  });

  it('keeps a bare id compared on a relation', () => {
    expect(restrictWhere(ORG, { basis: 7 }, models, BOUND)).toEqual({ basis: { $and: [{ id: 7 }, { issuer: { id: { $in: [4, 5] } } }] } });
  });

  it.each([
    ['an id operator', { basis: { $in: [7, 8] } }, { basis: { $and: [{ id: { $in: [7, 8] } }, { issuer: { id: { $in: [4, 5] } } }] } }],
    ['"there is one"', { basis: { $notNull: true } }, { basis: { $and: [{ id: { $notNull: true } }, { issuer: { id: { $in: [4, 5] } } }] } }],
    ['"there is none", as no readable one', { basis: { $null: true }, name: 'y' }, { $and: [{ name: 'y' }, { $not: { basis: { $and: [{ id: { $notNull: true } }, { issuer: { id: { $in: [4, 5] } } }] } } }] }],
    ['"none" said as $notNull: false', { basis: { $notNull: false } }, { $not: { basis: { $and: [{ id: { $notNull: true } }, { issuer: { id: { $in: [4, 5] } } }] } } }],
  ])('turns %s on the relation itself into a condition on readable rows', (_label, where, expected) => {
    expect(restrictWhere(ORG, where, models, BOUND)).toEqual(expected);
  });

  it('goes through components to the relations inside them', () => {
    expect(restrictWhere(DOC, { parts: { source: { title: 'z' } } }, models, BOUND)).toEqual({
      parts: { source: { $and: [{ title: 'z' }, { issuer: { id: { $in: [4, 5] } } }] } },
    });
  });

  it('changes nothing for a caller who reads everything', () => {
    expect(restrictWhere(ORG, { basis: { title: 'x' } }, models, EVERYTHING)).toEqual({ basis: { title: 'x' } });
  });
});

describe('sorting', () => {
  it.each([
    [{ basis: { title: 'asc' } }, 'basis'],
    [[{ name: 'asc' }, { parent: { basis: { title: 'desc' } } }], 'parent.basis'],
    [{ parent: { name: 'asc' } }, null],
    ['name', null],
  ])('%j through a restricted relation: %s', (orderBy, path) => {
    expect(forbiddenSortPath(ORG, orderBy, models, PUBLIC)).toBe(path);
  });

  it('is refused by restrictQuery, populates included', () => {
    expect(() => restrictQuery(ORG, { populate: { parent: { orderBy: { basis: { title: 'asc' } } } } }, models, PUBLIC)).toThrow(ForbiddenSortError);
    expect(() => restrictQuery(ORG, { orderBy: { parent: { name: 'asc' } } }, models, PUBLIC)).not.toThrow();
  });
});

it('narrows the filters of nested populates', () => {
  const query = { populate: { basis: { where: { basedOn: { title: 't' } }, populate: { issuer: true } } } };
  expect(restrictQuery(ORG, query, models, BOUND)).toEqual({
    populate: { basis: { where: { basedOn: { $and: [{ title: 't' }, { issuer: { id: { $in: [4, 5] } } }] } }, populate: { issuer: true } } },
  });
});
