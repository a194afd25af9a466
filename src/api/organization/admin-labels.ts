import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
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
};

export default labels;
