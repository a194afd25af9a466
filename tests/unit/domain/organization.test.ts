import { parentCycle } from '../../../src/domain/organization';

describe('parentCycle', () => {
  it.each<[string, string, string[], string[] | null]>([
    ['a root parent', 'a', ['p'], null],
    ['a deep chain without self', 'a', ['p', 'q', 'r'], null],
    ['the organization itself', 'a', ['a'], ['a', 'a']],
    ['its child', 'a', ['c', 'a'], ['a', 'c', 'a']],
    ['its grandchild', 'a', ['g', 'c', 'a', 'root'], ['a', 'g', 'c', 'a']],
    ['an empty chain', 'a', [], null],
  ])('putting a under %s', (_case, self, ancestors, expected) => {
    expect(parentCycle(self, ancestors)).toEqual(expected);
  });
});
