import { pinyin } from 'pinyin-pro';
import slugify from 'slugify';

const MAX_LENGTH = 120;

/**
 * A URL slug from a Chinese title, in pinyin without tones: 太原市2020年政务公开工作要点 →
 * tai-yuan-shi-2020-nian-zheng-wu-gong-kai-gong-zuo-yao-dian. pinyin-pro reads polyphones from
 * context (重庆 → chong qing, 银行行长 → yin hang hang zhang).
 */
export function slugFromTitle(title: string): string {
  const spelled = pinyin(title.replace(/[—－–]/g, '-'), { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ');
  const slug = slugify(spelled, { lower: true, strict: true, trim: true });
  return slug.slice(0, MAX_LENGTH).replace(/-+$/, '') || 'document';
}

/** `base`, or `base-2`, `base-3`… whichever `taken` says is free. */
export async function uniqueSlug(base: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  let candidate = base;
  for (let n = 2; await taken(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}
