import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
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
  'power.responsibility': {
    mainField: 'stage',
    fields: { stage: { label: '环节' }, description: { label: '责任内容' } },
  },
};

export default labels;
