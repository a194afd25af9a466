import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
  'api::topic.topic': {
    mainField: 'name',
    fields: { name: { label: '主题名称' }, code: { label: '主题代码' }, sortOrder: { label: '排序' } },
  },
};

export default labels;
