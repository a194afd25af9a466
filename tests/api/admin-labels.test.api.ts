import { startStrapi, type TestInstance } from '../harness/strapi';
import { applyLabelsBesideTypes } from '../../src/setup/admin-labels';
import { applyAdminLabels } from '../../src/utils/admin-labels';

/**
 * The Content Manager labels kept beside each type are set once: what an editor changes in
 * 配置视图 afterwards survives a restart, and a label changed in the code is set again.
 */
let app: TestInstance;

beforeAll(async () => {
  app = await startStrapi();
});

afterAll(async () => {
  await app.stop();
});

const UID = 'api::organization.organization';
const configurations = () => app.strapi.plugin('content-manager').service('content-types');
const labelOf = async (field: string) => {
  const configuration = await configurations().findConfiguration(app.strapi.contentType(UID));
  return configuration.metadatas[field].edit.label as string;
};

it('shows editors the Chinese labels kept beside the types, the plugins\' and the components\' too', async () => {
  expect(await labelOf('name')).toBe('机构名称');
  const membership = await configurations().findConfiguration(app.strapi.contentType('plugin::organization-access.membership' as never));
  expect(membership.metadatas.organizations.edit.label).toBe('所属机构');
  const contact = await app.strapi.plugin('content-manager').service('components').findConfiguration(app.strapi.components['directory.contact' as never]);
  expect(contact.metadatas.phone.edit.label).toBe('联系电话');
});

it('keeps a label an editor changed through the next start', async () => {
  const configuration = await configurations().findConfiguration(app.strapi.contentType(UID));
  configuration.metadatas.name.edit.label = '单位名称';
  await configurations().updateConfiguration(app.strapi.contentType(UID), configuration);
  await applyLabelsBesideTypes(app.strapi);
  expect(await labelOf('name')).toBe('单位名称');
});

it('sets a label again when the code changes it', async () => {
  await applyAdminLabels(app.strapi, { [UID]: { fields: { name: { label: '机构全称' } } } });
  expect(await labelOf('name')).toBe('机构全称');
  expect(await labelOf('code')).toBe('统一社会信用代码/组织机构代码');
});
