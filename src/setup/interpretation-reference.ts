import type { Core } from '@strapi/strapi';

/**
 * Channels of Art. 23 of the Regulations plus those local rules add (official WeChat and Weibo
 * accounts, apps). Only the government website is "the website" for the off-website ratio.
 */
export const CHANNELS = [
  ['website', '政府网站', true],
  ['wechat', '政务微信', false],
  ['weibo', '政务微博', false],
  ['press_conference', '新闻发布会', false],
  ['broadcast', '广播电视', false],
  ['press', '报刊杂志', false],
  ['news_site', '新闻网站', false],
  ['app', '政务客户端/新媒体', false],
] as const;

/** Forms of interpretation (国办发〔2019〕14号 and local rules); plain text is not a diverse form. */
export const FORMS = [
  ['text', '文字解读', false],
  ['infographic', '图解', true],
  ['video', '视频', true],
  ['audio', '音频', true],
  ['animation', '动漫', true],
  ['h5', 'H5', true],
  ['press_conference', '新闻发布会', true],
  ['online_interview', '在线访谈', true],
  ['expert', '专家解读', true],
  ['qa', '政策问答', true],
  ['media_interview', '媒体专访', true],
] as const;

async function ensure(strapi: Core.Strapi, uid: string, flag: string, rows: readonly (readonly [string, string, boolean])[]): Promise<void> {
  const existing = new Set((await strapi.db.query(uid).findMany({ select: ['code'] })).map((row: { code: string }) => row.code));
  for (const [index, [code, name, value]] of rows.entries()) {
    if (!existing.has(code)) await strapi.documents(uid as never).create({ data: { code, name, [flag]: value, sortOrder: (index + 1) * 10 } as never });
  }
}

/** Ensured at every start; an office's own channels and forms, and changes to these, are kept. */
export async function ensureInterpretationReference(strapi: Core.Strapi): Promise<void> {
  await ensure(strapi, 'api::channel.channel', 'isGovernmentWebsite', CHANNELS);
  await ensure(strapi, 'api::interpretation-form.interpretation-form', 'countsAsDiverse', FORMS);
}
