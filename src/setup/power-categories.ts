import type { Core } from '@strapi/strapi';

/**
 * 职权类型 of the 权责清单 (attributed to 中办发〔2015〕21号). Ensured at every start; a province's
 * additions (行政征用, 公共服务) are added in the admin and kept.
 */
export const POWER_CATEGORIES = [
  ['licensing', '行政许可'],
  ['penalty', '行政处罚'],
  ['coercion', '行政强制'],
  ['levy', '行政征收'],
  ['payment', '行政给付'],
  ['inspection', '行政检查'],
  ['confirmation', '行政确认'],
  ['reward', '行政奖励'],
  ['adjudication', '行政裁决'],
  ['other', '其他行政权力'],
] as const;

export async function ensurePowerCategories(strapi: Core.Strapi): Promise<void> {
  const uid = 'api::power-category.power-category';
  const existing = new Set((await strapi.db.query(uid).findMany({ select: ['code'] })).map((row: { code: string }) => row.code));
  for (const [index, [code, name]] of POWER_CATEGORIES.entries()) {
    if (!existing.has(code)) await strapi.documents(uid as never).create({ data: { code, name, sortOrder: (index + 1) * 10 } as never });
  }
}
