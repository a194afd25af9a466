import type { Core } from '@strapi/strapi';
import config from './config';
import { PLUGIN_ID } from './constants';
import contentTypes from './content-types';
import controllers from './controllers';
import { lifecycleMiddleware } from './document-middleware';
import { lifecycleTypeOf } from './document-types';
import { registerGraphql } from './graphql';
import routes from './routes';
import services from './services';
import type { LifecycleConfig } from './config';
import { chinaToday } from '../../../../domain/dates';
import { getService } from './get-service';

const ORGANIZATION_UID = 'api::organization.organization';

/**
 * Who may change which document is organization-access's rule, and the 索引号 begins with the
 * issuing organization's code: without either, every publication would fail, so the start stops.
 */
function assertOrganizations(strapi: Core.Strapi): void {
  const problems: string[] = [];
  if (!strapi.plugin('organization-access')) problems.push('the organization-access plugin must be enabled (config/plugins): it decides who may change which document');
  const organization = strapi.contentTypes[ORGANIZATION_UID as never] as { attributes: Record<string, { type: string }> } | undefined;
  if (!organization) problems.push(`${ORGANIZATION_UID} must exist: documents are issued by organizations`);
  else if (!['string', 'uid'].includes(organization.attributes.code?.type)) problems.push(`${ORGANIZATION_UID} needs a string attribute "code": it begins every 索引号`);
  if (problems.length > 0) throw new Error(`document-lifecycle cannot start:\n- ${problems.join('\n- ')}`);
}

/** Admin RBAC actions: run transitions, read histories, run the date-driven tick by hand. */
const ACTIONS = [
  { section: 'plugins', displayName: '执行效力变更（立改废）', uid: 'transition', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: '查看生命周期记录', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: '按日期运行自动效力变更', uid: 'tick', pluginName: PLUGIN_ID },
];

export default {
  config,
  contentTypes,
  controllers,
  routes,
  services,

  register({ strapi }: { strapi: Core.Strapi }) {
    // The type it manages is read from the schemas now, so a wrong one stops the start with its reasons.
    lifecycleTypeOf(strapi);
    assertOrganizations(strapi);
    strapi.documents.use(lifecycleMiddleware(strapi));
    if (strapi.plugin('graphql')) registerGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
    await getService(strapi, 'index-numbers').ensureTable();
    await getService(strapi, 'validity-periods').ensureTable();
    await getService(strapi, 'tick-runs').ensureTable();

    const { cron } = strapi.config.get(`plugin::${PLUGIN_ID}`) as LifecycleConfig;
    if (cron.enabled) {
      strapi.cron.add({
        documentLifecycleTick: {
          task: async () => {
            const report = await getService(strapi, 'lifecycle').daily(chinaToday(new Date()));
            // null: another instance of the cluster ran today's already.
            if (report) strapi.log.info(`Document lifecycle: ${report.enteredIntoForce} entered into force, ${report.expired} expired on ${report.today}.`);
          },
          options: { rule: cron.rule, tz: 'Asia/Shanghai' },
        },
      });
    }
  },
};
