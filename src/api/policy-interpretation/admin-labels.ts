import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
  'api::policy-interpretation.policy-interpretation': {
    mainField: 'title',
    fields: {
      title: { label: '解读标题' },
      slug: { label: '网址别名', description: '留空则按标题拼音自动生成' },
      organization: { label: '解读机构' },
      sourceDocuments: { label: '所解读的文件', description: '至少一份已发布的规章或规范性文件' },
      form: { label: '解读形式' },
      interpreter: { label: '解读人', description: '谁起草、谁解读；如“市教育局局长 张三”' },
      summary: { label: '内容概述' },
      body: { label: '正文' },
      attachments: { label: '附件（图解、音视频等）' },
      publishedOn: { label: '发布日期', description: '留空则为首次发布当日' },
      channelPublications: { label: '各渠道发布记录', description: '发布后也可补录，如次日的政务微信转发' },
      diverseForm: { label: '多样化形式', readOnly: true },
      beyondWebsite: { label: '已在政府网站以外渠道发布', readOnly: true },
      lagWorkingDays: { label: '距文件发布（工作日）', readOnly: true },
      timely: { label: '解读及时', readOnly: true },
      publicationWarnings: { label: '发布提醒', readOnly: true },
    },
  },
  'interpretation.channel-publication': {
    mainField: 'publishedOn',
    fields: { channel: { label: '渠道', mainField: 'name' }, url: { label: '链接', description: '以 http:// 或 https:// 开头' }, publishedOn: { label: '发布日期' }, note: { label: '备注' } },
  },
};

export default labels;
