import { slugFromTitle, uniqueSlug } from '../../../src/utils/slug';

describe('slugFromTitle', () => {
  it.each([
    ['太原市2020年政务公开工作要点', 'tai-yuan-shi-2020-nian-zheng-wu-gong-kai-gong-zuo-yao-dian'],
    ['重庆', 'chong-qing'],
    ['长沙市长', 'chang-sha-shi-zhang'],
    ['银行行长', 'yin-hang-hang-zhang'],
    ['关于印发《太原市政务公开规定》的通知—（试行）', 'guan-yu-yin-fa-tai-yuan-shi-zheng-wu-gong-kai-gui-ding-de-tong-zhi-shi-xing'],
    ['！！！', 'document'],
  ])('%s → %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('stays within 120 characters without a trailing hyphen', () => {
    const slug = slugFromTitle('政务公开'.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('uniqueSlug', () => {
  it('appends the first free number', async () => {
    const taken = new Set(['a', 'a-2']);
    await expect(uniqueSlug('a', async (s) => taken.has(s))).resolves.toBe('a-3');
    await expect(uniqueSlug('b', async (s) => taken.has(s))).resolves.toBe('b');
  });
});
