import { waitAfter } from '../../../src/utils/cluster-attempts';

describe('waitAfter', () => {
  it.each([
    [[], 0, 0],
    [[100, 0], 200, 0],
    [[200, 100, 0], 200, 800],
    [[200, 100, 0], 999, 1],
    [[200, 100, 0], 1000, 0],
    [[950, 900, 850, 0], 1000, 850],
    [[300, 200, 100, -2000], 300, 800],
  ])('with attempts at %j, at %d, waits %d ms (3 in a window of 1 s)', (times, now, wait) => {
    expect(waitAfter(times, 3, 1000, now)).toBe(wait);
  });
});
