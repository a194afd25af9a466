import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
  'api::calendar-notice.calendar-notice': {
    mainField: 'notice',
    fields: {
      year: { label: '年份' },
      notice: { label: '通知文号', description: '如 国办发明电〔2025〕7号' },
      holidays: { label: '放假日期', description: '全部放假日（含其中的周末），每行一个或用逗号、顿号分隔；连续的可写作 2027-02-05~2027-02-12' },
      workdays: { label: '调休上班日期', description: '需要上班的周六、周日' },
    },
  },
};

export default labels;
