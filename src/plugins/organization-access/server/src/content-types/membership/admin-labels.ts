import type { AdminLabels } from '../../../../../../utils/admin-labels';

/** How the Content Manager shows this type (and the components it edits) to editors, in Chinese. */
const labels: AdminLabels = {
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
};

export default labels;
