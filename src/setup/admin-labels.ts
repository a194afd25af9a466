import type { Core } from '@strapi/strapi';

interface FieldLabel {
  label: string;
  description?: string;
  /** Shown but not editable in the Content Manager; the server refuses the write anyway. */
  readOnly?: boolean;
}

/** Chinese labels for the Content Manager, where editors work. */
const LABELS: Record<string, { mainField?: string; fields: Record<string, FieldLabel> }> = {
  'api::organization.organization': {
    mainField: 'name',
    fields: {
      name: { label: '机构名称' },
      shortName: { label: '简称' },
      code: { label: '统一社会信用代码/组织机构代码', description: '18位统一社会信用代码或9位组织机构代码，系统校验校验位' },
      level: { label: '层级' },
      kind: { label: '机构类型' },
      sortOrder: { label: '排序' },
      parent: { label: '上级机构' },
      children: { label: '下级机构' },
    },
  },
  'api::topic.topic': {
    mainField: 'name',
    fields: { name: { label: '主题名称' }, code: { label: '主题代码' }, sortOrder: { label: '排序' } },
  },
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
    },
  },
};

/** Applies the labels and read-only flags to the Content Manager's stored view configuration. */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, { mainField, fields }] of Object.entries(LABELS)) {
    const contentType = strapi.contentType(uid as never);
    const configuration = await contentTypes.findConfiguration(contentType);
    const { settings, metadatas, layouts } = configuration;
    for (const [field, { label, description, readOnly }] of Object.entries(fields)) {
      const metadata = metadatas[field];
      if (!metadata) continue;
      if (metadata.edit) {
        metadata.edit.label = label;
        if (description) metadata.edit.description = description;
        if (readOnly) metadata.edit.editable = false;
      }
      if (metadata.list) metadata.list.label = label;
    }
    if (mainField) settings.mainField = mainField;
    await contentTypes.updateConfiguration(contentType, { settings, metadatas, layouts });
  }
}
