import { readToOneChange } from '../../../src/utils/relations';

describe('readToOneChange', () => {
  it.each<[string, unknown, ReturnType<typeof readToOneChange>]>([
    ['absent', undefined, { kind: 'unchanged' }],
    ['null', null, { kind: 'clear' }],
    ['a documentId', 'abc', { kind: 'set', ref: { documentId: 'abc' } }],
    ['an id', 7, { kind: 'set', ref: { id: 7 } }],
    ['{ documentId }', { documentId: 'abc', locale: null }, { kind: 'set', ref: { documentId: 'abc' } }],
    ['{ id } as a string', { id: '12' }, { kind: 'set', ref: { id: 12 } }],
    ['a one-element array', ['abc'], { kind: 'set', ref: { documentId: 'abc' } }],
    ['an empty array', [], { kind: 'clear' }],
    ['{ set: [x] }', { set: [{ documentId: 'abc' }] }, { kind: 'set', ref: { documentId: 'abc' } }],
    ['{ set: [] }', { set: [] }, { kind: 'clear' }],
    ['{ connect: [x] } (Content Manager)', { connect: [{ id: 3, documentId: 'abc' }], disconnect: [] }, { kind: 'set', ref: { documentId: 'abc' } }],
    ['{ connect: [], disconnect: [x] }', { connect: [], disconnect: [{ id: 3 }] }, { kind: 'clear' }],
    ['{ connect: [], disconnect: [] }', { connect: [], disconnect: [] }, { kind: 'unchanged' }],
    ['an empty string', '', 'invalid'],
    ['a boolean', true, 'invalid'],
    ['an object with no reference', { name: 'x' }, 'invalid'],
    ['{ connect: [garbage] }', { connect: [{ name: 'x' }] }, 'invalid'],
    ['a fractional id', 1.5, 'invalid'],
  ])('%s', (_case, input, expected) => {
    expect(readToOneChange(input)).toEqual(expected);
  });
});
