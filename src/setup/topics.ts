import type { Core } from '@strapi/strapi';

/**
 * The State Council policy library's top-level subject categories (主题分类), as used on
 * www.gov.cn/zhengce. Reference data every installation needs, so it is ensured at every start;
 * local sub-topics can be added in the admin.
 */
export const STATE_COUNCIL_TOPICS = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
];

export const topicCode = (index: number) => String(index + 1).padStart(2, '0');

export async function ensureTopics(strapi: Core.Strapi): Promise<void> {
  const topics = strapi.documents('api::topic.topic');
  const existing = new Set((await strapi.db.query('api::topic.topic').findMany({ select: ['code'] })).map((t: { code: string }) => t.code));
  for (const [index, name] of STATE_COUNCIL_TOPICS.entries()) {
    const code = topicCode(index);
    if (!existing.has(code)) await topics.create({ data: { name, code, sortOrder: index + 1 } });
  }
}
