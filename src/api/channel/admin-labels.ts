import type { AdminLabels } from '../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
  'api::channel.channel': {
    mainField: 'name',
    fields: { name: { label: '渠道名称' }, code: { label: '渠道代码' }, isGovernmentWebsite: { label: '是否政府网站', description: '政府网站以外的渠道计入“在其他渠道发布”比例' }, sortOrder: { label: '排序' } },
  },
};

export default labels;
