import { readLinkedRefs, readToOneChange } from '../../../src/utils/relations';

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

describe('readLinkedRefs', () => {
  it.each([
    ['nothing', undefined, []],
    ['null', null, []],
    ['a documentId', 'abc', [{ documentId: 'abc' }]],
    ['an id', 7, [{ id: 7 }]],
    ['a list of both', ['abc', 7, { documentId: 'def' }], [{ documentId: 'abc' }, { id: 7 }, { documentId: 'def' }]],
    ['set', { set: ['abc'] }, [{ documentId: 'abc' }]],
    ['connect with positions', { connect: [{ documentId: 'abc', position: { end: true } }] }, [{ documentId: 'abc' }]],
    ['disconnect only', { disconnect: ['abc'] }, []],
    ['connect and disconnect', { connect: [{ id: 3 }], disconnect: [{ id: 4 }] }, [{ id: 3 }]],
  ])('%s', (_label, value, expected) => {
    expect(readLinkedRefs(value)).toEqual(expected);
  });

  it.each([
    ['a boolean', true],
    ['an object without a reference', { title: 'x' }],
    ['a list holding garbage', ['abc', {}]],
  ])('refuses %s', (_label, value) => {
    expect(readLinkedRefs(value)).toBe('invalid');
  });
});
