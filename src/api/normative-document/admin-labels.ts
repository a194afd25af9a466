import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
  'api::normative-document.normative-document': {
    mainField: 'title',
    fields: {
      title: { label: '标题' },
      slug: { label: '网址别名', description: '留空则按标题拼音自动生成' },
      documentNumber: { label: '发文字号', description: '如 并政发〔2020〕12号；[]、【】、（）会自动规范为〔〕' },
      kind: { label: '文件类别' },
      issuingOrganization: { label: '发文机关' },
      coIssuers: { label: '联合发文机关' },
      indexNumber: { label: '索引号', description: '首次发布时由系统分配', readOnly: true },
      topic: { label: '主题分类' },
      disclosureMode: { label: '公开方式' },
      summary: { label: '内容概述' },
      body: { label: '正文' },
      attachments: { label: '附件' },
      adoptedOn: { label: '成文日期' },
      publishedOn: { label: '发布日期', description: '留空则为首次发布当日' },
      effectiveFrom: { label: '施行日期' },
      validUntil: { label: '有效期至', description: '留空则按施行日期和有效期规则计算；发布后只能通过“延续有效期”变更' },
      noLongerInForceOn: { label: '失效/废止日期', readOnly: true },
      validity: { label: '效力状态', description: '由立改废操作维护，请在右侧面板中操作', readOnly: true },
      basedOn: { label: '制定依据' },
      basisFor: { label: '作为依据的文件' },
      interpretations: { label: '政策解读' },
    },
  },
};

export default labels;
