/** One demo interpretation; dates are days from the seeding day, like the demo documents they explain. */
export interface DemoInterpretation {
  title: string;
  organization: string;
  source: string;
  form: string;
  interpreter: string;
  publishedOn: number;
  channels: { channel: string; url?: string; after?: number }[];
  summary: string;
}

/**
 * The demo's publishing ratios: 市政府办公室 meets both targets (3 of 4 in diverse forms, 3 of 4 beyond
 * the website); 市教育局 misses both (1 of 3), so the ratio page shows one of each.
 */
export const DEMO_INTERPRETATIONS: DemoInterpretation[] = [
  {
    title: '一图读懂《关于进一步做好政务公开工作的通知》',
    organization: 'city-office',
    source: 'open-gov-notice',
    form: 'infographic',
    interpreter: '市政府办公室政务公开科',
    publishedOn: -18,
    channels: [{ channel: 'website', url: 'https://www.taiyuan.gov.cn/zcjd/demo-1.html' }, { channel: 'wechat', url: 'https://mp.weixin.qq.com/s/demo-1', after: 1 }],
    summary: '用一张图说明政策解读多样化、多渠道发布的要求。',
  },
  {
    title: '《关于进一步做好政务公开工作的通知》政策问答',
    organization: 'city-office',
    source: 'open-gov-notice',
    form: 'qa',
    interpreter: '市政府办公室副主任 赵演示',
    publishedOn: -17,
    channels: [{ channel: 'website' }, { channel: 'weibo' }],
    summary: '十问十答：哪些文件要解读、谁来解读、在哪里发布。',
  },
  {
    title: '市政府办公室负责人就政务公开工作在线访谈',
    organization: 'city-office',
    source: 'open-gov-notice',
    form: 'online_interview',
    interpreter: '市政府办公室主任 赵演示',
    publishedOn: -15,
    channels: [{ channel: 'website' }, { channel: 'news_site' }],
    summary: '在线回答网民关于政务公开的提问。',
  },
  {
    title: '《关于进一步做好政务公开工作的通知》文字解读',
    organization: 'city-office',
    source: 'open-gov-notice',
    form: 'text',
    interpreter: '市政府办公室政务公开科',
    publishedOn: -18,
    channels: [{ channel: 'website' }],
    summary: '说明通知出台的背景、主要内容和工作要求。',
  },
  {
    title: '《太原市中小学课后服务管理办法》解读',
    organization: 'education',
    source: 'after-school',
    form: 'text',
    interpreter: '市教育局基础教育处',
    publishedOn: -21,
    channels: [{ channel: 'website' }],
    summary: '说明课后服务的对象、内容、时间和收费。',
  },
  {
    title: '课后服务收费标准说明',
    organization: 'education',
    source: 'after-school',
    form: 'text',
    interpreter: '市教育局财务处',
    publishedOn: -19,
    channels: [{ channel: 'website' }],
    summary: '课后服务收费项目和标准。',
  },
  {
    title: '视频：课后服务怎么报名',
    organization: 'education',
    source: 'after-school',
    form: 'video',
    interpreter: '市教育局局长 张演示',
    publishedOn: -12,
    channels: [{ channel: 'website' }, { channel: 'wechat' }],
    summary: '两分钟视频讲清报名流程。',
  },
];
