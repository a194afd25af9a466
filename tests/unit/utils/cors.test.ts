import { allowedOrigins } from '../../../src/utils/cors';

describe('allowedOrigins', () => {
  it('lists the configured origins and the public URL, as origins', () => {
    expect(allowedOrigins(' https://www.taiyuan.gov.cn/ , http://localhost:3000', 'https://gongkai.taiyuan.gov.cn/admin')).toEqual([
      'https://www.taiyuan.gov.cn',
      'http://localhost:3000',
      'https://gongkai.taiyuan.gov.cn',
    ]);
  });

  it('allows nothing cross-origin when nothing is configured', () => {
    expect(allowedOrigins(undefined, '')).toEqual([]);
  });

  it.each(['*', 'null', 'www.taiyuan.gov.cn', 'ftp://files.taiyuan.gov.cn'])('refuses %s', (entry) => {
    expect(() => allowedOrigins(entry, undefined)).toThrow(/CORS_ORIGINS/);
  });
});
