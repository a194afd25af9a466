import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
  'api::power-category.power-category': {
    mainField: 'name',
    fields: { name: { label: '职权类型' }, code: { label: '类型代码' }, sortOrder: { label: '排序' } },
  },
};

export default labels;
