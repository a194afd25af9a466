import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
  'api::interpretation-form.interpretation-form': {
    mainField: 'name',
    fields: { name: { label: '解读形式' }, code: { label: '形式代码' }, countsAsDiverse: { label: '计入多样化解读', description: '纯文字解读不计入' }, sortOrder: { label: '排序' } },
  },
};

export default labels;
