import { AttemptLimiter } from '../../../src/utils/attempt-limiter';

describe('AttemptLimiter', () => {
  it('refuses at the max-th failure within the window, until the oldest leaves it', () => {
    const limiter = new AttemptLimiter(3, 1000);
    limiter.fail('a', 0);
    limiter.fail('a', 100);
    expect(limiter.retryAfter('a', 200)).toBe(0);
    limiter.fail('a', 200);
    expect(limiter.retryAfter('a', 200)).toBe(800);
    expect(limiter.retryAfter('a', 999)).toBe(1);
    expect(limiter.retryAfter('a', 1000)).toBe(0);
    expect(limiter.retryAfter('b', 200)).toBe(0);
  });

  it('keeps at most maxKeys addresses, dropping the least recent', () => {
    const limiter = new AttemptLimiter(1, 1000, 2);
    limiter.fail('a', 0);
    limiter.fail('b', 1);
    limiter.fail('c', 2);
    expect([limiter.retryAfter('a', 3), limiter.retryAfter('b', 3) > 0, limiter.retryAfter('c', 3) > 0]).toEqual([0, true, true]);
  });
});
