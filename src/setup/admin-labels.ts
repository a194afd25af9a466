import type { Core } from '@strapi/strapi';

interface FieldLabel {
  label: string;
  description?: string;
  /** Shown but not editable in the Content Manager; the server refuses the write anyway. */
  readOnly?: boolean;
  /** For a relation: which field of the related record the picker shows. */
  mainField?: string;
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
      children: { label: '下级机构（含内设机构）' },
      responsibilities: { label: '主要职责' },
      setupBasis: { label: '设立依据（三定规定）', description: '如《太原市教育局职能配置、内设机构和人员编制规定》' },
      setupBasisDocuments: { label: '设立依据文件' },
      leaders: { label: '领导信息' },
      contact: { label: '联系方式' },
    },
  },
  'api::power-category.power-category': {
    mainField: 'name',
    fields: { name: { label: '职权类型' }, code: { label: '类型代码' }, sortOrder: { label: '排序' } },
  },
  'api::power-item.power-item': {
    mainField: 'name',
    fields: {
      name: { label: '职权名称' },
      code: { label: '职权编码' },
      category: { label: '职权类型' },
      organization: { label: '实施主体' },
      responsibleUnit: { label: '承办机构', description: '实施主体本身或其内设机构' },
      basisDocuments: { label: '实施依据（规范性文件）', description: '依据文件被修改、废止或失效时，本事项自动标记为待复核' },
      lawCitations: { label: '实施依据（法律法规条款）' },
      responsibilities: { label: '责任事项' },
      accountability: { label: '追责情形' },
      itemStatus: { label: '事项状态' },
      needsReview: { label: '待复核', description: '由依据文件的效力变化自动标记；复核后取消勾选' },
      reviewReason: { label: '复核原因', readOnly: true },
      reviewFlaggedOn: { label: '标记日期', readOnly: true },
    },
  },
  'api::calendar-notice.calendar-notice': {
    mainField: 'notice',
    fields: {
      year: { label: '年份' },
      notice: { label: '通知文号', description: '如 国办发明电〔2025〕7号' },
      holidays: { label: '放假日期', description: '全部放假日（含其中的周末），每行一个或用逗号、顿号分隔；连续的可写作 2027-02-05~2027-02-12' },
      workdays: { label: '调休上班日期', description: '需要上班的周六、周日' },
    },
  },
  'api::channel.channel': {
    mainField: 'name',
    fields: { name: { label: '渠道名称' }, code: { label: '渠道代码' }, isGovernmentWebsite: { label: '是否政府网站', description: '政府网站以外的渠道计入“在其他渠道发布”比例' }, sortOrder: { label: '排序' } },
  },
  'api::interpretation-form.interpretation-form': {
    mainField: 'name',
    fields: { name: { label: '解读形式' }, code: { label: '形式代码' }, countsAsDiverse: { label: '计入多样化解读', description: '纯文字解读不计入' }, sortOrder: { label: '排序' } },
  },
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
  'plugin::organization-access.membership': {
    mainField: 'note',
    fields: {
      adminUser: { label: '后台用户', mainField: 'email' },
      apiToken: { label: 'API 令牌', mainField: 'name' },
      siteUser: { label: '网站用户', mainField: 'username' },
      organizations: { label: '所属机构', description: '可读写这些机构及其下级机构的内容' },
      note: { label: '备注' },
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
      interpretations: { label: '政策解读' },
    },
  },
};

/** Labels of the components' fields, shown wherever the component is edited. */
const COMPONENT_LABELS: Record<string, { mainField?: string; fields: Record<string, FieldLabel> }> = {
  'directory.leader': {
    mainField: 'name',
    fields: { name: { label: '姓名' }, title: { label: '职务' }, duties: { label: '工作分工' }, sortOrder: { label: '排序' } },
  },
  'directory.contact': {
    fields: {
      address: { label: '办公地址' },
      postalCode: { label: '邮政编码' },
      phone: { label: '联系电话' },
      officeHours: { label: '办公时间' },
      website: { label: '网站', description: '以 http:// 或 https:// 开头' },
      email: { label: '电子邮箱' },
    },
  },
  'interpretation.channel-publication': {
    mainField: 'publishedOn',
    fields: { channel: { label: '渠道', mainField: 'name' }, url: { label: '链接', description: '以 http:// 或 https:// 开头' }, publishedOn: { label: '发布日期' }, note: { label: '备注' } },
  },
  'power.responsibility': {
    mainField: 'stage',
    fields: { stage: { label: '环节' }, description: { label: '责任内容' } },
  },
};

/** Applies the labels and read-only flags to the Content Manager's stored view configuration. */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const components = strapi.plugin('content-manager').service('components');
  for (const [uid, { mainField, fields }] of Object.entries(COMPONENT_LABELS)) {
    const component = strapi.components[uid as never];
    const configuration = await components.findConfiguration(component);
    applyFields(configuration.metadatas, fields);
    if (mainField) configuration.settings.mainField = mainField;
    await components.updateConfiguration(component, { settings: configuration.settings, metadatas: configuration.metadatas, layouts: configuration.layouts });
  }
  for (const [uid, { mainField, fields }] of Object.entries(LABELS)) {
    const contentType = strapi.contentType(uid as never);
    const configuration = await contentTypes.findConfiguration(contentType);
    const { settings, metadatas, layouts } = configuration;
    applyFields(metadatas, fields);
    if (mainField) settings.mainField = mainField;
    await contentTypes.updateConfiguration(contentType, { settings, metadatas, layouts });
  }
}

interface Metadata {
  edit?: { label?: string; description?: string; editable?: boolean; mainField?: string };
  list?: { label?: string };
}

function applyFields(metadatas: Record<string, Metadata>, fields: Record<string, FieldLabel>): void {
  for (const [field, { label, description, readOnly, mainField }] of Object.entries(fields)) {
    const metadata = metadatas[field];
    if (!metadata) continue;
    if (metadata.edit) {
      metadata.edit.label = label;
      if (description) metadata.edit.description = description;
      if (readOnly) metadata.edit.editable = false;
      if (mainField) metadata.edit.mainField = mainField;
    }
    if (metadata.list) metadata.list.label = label;
  }
}
