import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type to editors, in Chinese. */
const labels: AdminLabels = {
  'api::disclosure-request.disclosure-request': {
    mainField: 'trackingCode',
    fields: {
      organization: { label: '受理机关', mainField: 'name' },
      applicantType: { label: '申请人类型' },
      applicantName: { label: '申请人姓名或名称' },
      idType: { label: '证件类型' },
      idNumber: { label: '证件号码', description: '加密存储；仅受理机关工作人员可见全文' },
      organizationCode: { label: '统一社会信用代码' },
      legalRepresentative: { label: '法定代表人' },
      phone: { label: '联系电话', description: '加密存储；仅受理机关工作人员可见全文' },
      email: { label: '电子邮箱' },
      postalAddress: { label: '通信地址' },
      description: { label: '所需信息的内容描述' },
      purpose: { label: '用途（选填）' },
      formWanted: { label: '信息的指定提供载体形式' },
      deliveryWanted: { label: '获取信息的方式' },
      receivedVia: { label: '申请方式' },
      receivedOn: { label: '收到申请日期', description: '条例第三十一条：答复期限自此日起算' },
      trackingCode: { label: '查询码', readOnly: true },
      handlingStatus: { label: '办理状态', readOnly: true },
      dueOn: { label: '答复期限', readOnly: true },
      closedOn: { label: '办结日期', readOnly: true },
      extended: { label: '已延期', readOnly: true },
      overdue: { label: '已逾期', readOnly: true },
      decision: { label: '办理结果', readOnly: true },
      decisionReason: { label: '办理结果细项', readOnly: true },
      stepCount: { label: '办理步骤数', readOnly: true },
    },
  },
};

export default labels;
