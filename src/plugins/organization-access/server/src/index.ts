import type { Core } from '@strapi/strapi';
import { CONDITION_NAME, MEMBERSHIP_UID, ORGANIZATION_UID, PLUGIN_ID } from './constants';
import contentTypes from './content-types';
import { accessMiddleware } from './document-middleware';
import { ownedTypesOf } from './ownership';
import {
  applyReadRuleToQueries,
  resolveScopeForGraphql,
  resolveScopeOnAuthentication,
  scopeContentManagerLookups,
  scopeContentManagerRelations,
} from './read-hooks';
import services from './services';
import membershipLabels from './content-types/membership/admin-labels';
import { applyAdminLabels } from '../../../../utils/admin-labels';
import { getService } from './get-service';

interface ConditionUser {
  id: number;
  permission?: { subject?: string | null };
}

const reachByRequest = new WeakMap<object, Map<number, Promise<number[]>>>();

export default {
  contentTypes,
  services,

  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(accessMiddleware(strapi));
    applyReadRuleToQueries(strapi);
    resolveScopeOnAuthentication(strapi);
    scopeContentManagerRelations(strapi);
    scopeContentManagerLookups(strapi);
    resolveScopeForGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const types = ownedTypesOf(strapi);
    const scope = () => getService(strapi, 'scope');

    // The handler runs once per conditioned permission when an admin's abilities are built, which
    // happens on every admin request: the user's reach is computed once per request.
    const reachOf = (userId: number): Promise<number[]> => {
      const compute = async () => scope().reachOf(await scope().adminMemberships(userId));
      const ctx = strapi.requestContext.get();
      if (!ctx) return compute();
      let byUser = reachByRequest.get(ctx);
      if (!byUser) reachByRequest.set(ctx, (byUser = new Map()));
      let reach = byUser.get(userId);
      if (!reach) byUser.set(userId, (reach = compute()));
      return reach;
    };

    await strapi.service('admin::permission').conditionProvider.register({
      displayName: '本机构及下级机构',
      name: CONDITION_NAME,
      plugin: PLUGIN_ID,
      async handler(user: ConditionUser) {
        const subject = user.permission?.subject;
        const ids = await reachOf(user.id);
        if (ids.length === 0) return false;
        if (subject === ORGANIZATION_UID) return { id: { $in: ids } };
        const type = subject ? types.get(subject) : undefined;
        return type ? { [`${type.owner}.id`]: { $in: ids } } : false;
      },
    });

    if (strapi.plugin('graphql')) {
      strapi.plugin('graphql').service('extension').shadowCRUD(MEMBERSHIP_UID).disable();
    }
    // Its own type's Chinese labels, in whichever app it is installed.
    await applyAdminLabels(strapi, membershipLabels, PLUGIN_ID);
  },
};
