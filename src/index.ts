import type { Core } from '@strapi/strapi';
import { calendarNoticeMiddleware } from './api/calendar-notice/document-middleware';
import { disclosureRequestMiddleware } from './api/disclosure-request/document-middleware';
import { scheduleDailyMarking } from './api/disclosure-request/daily';
import { registerRequestGraphql } from './api/disclosure-request/graphql';
import { organizationMiddleware } from './api/organization/document-middleware';
import { subscribeBasisReview } from './api/power-item/basis-review';
import { powerItemMiddleware } from './api/power-item/document-middleware';
import { policyInterpretationMiddleware } from './api/policy-interpretation/document-middleware';
import { ensureInterpretationReference } from './setup/interpretation-reference';
import { isEmpty, seedDemo } from './seed';
import { defaultAdminLanguage } from './setup/admin-language';
import { applyLabelsBesideTypes } from './setup/admin-labels';
import { ensureLocales } from './setup/locales';
import { guardEmailRoute, guardPasswordReset } from './setup/email-guard';
import { guardQueries, inputGuardMiddleware } from './setup/input-guard';
import { richTextMiddleware } from './setup/rich-text';
import { ensurePowerCategories } from './setup/power-categories';
import { documentVersionMiddleware, registerGraphqlVersions } from './setup/document-versions';
import { access } from './utils/access';
import { applySiteUserRegistration } from './setup/site-users';
import { ensureTopics } from './setup/topics';
import { grantRoleActions, PUBLIC_READ_ACTIONS, rememberPublicPermissions } from './setup/permissions';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    guardQueries(strapi);
    guardEmailRoute(strapi);
    guardPasswordReset(strapi);
    strapi.documents.use(inputGuardMiddleware(strapi));
    strapi.documents.use(organizationMiddleware(strapi));
    strapi.documents.use(powerItemMiddleware(strapi));
    strapi.documents.use(calendarNoticeMiddleware(strapi));
    strapi.documents.use(disclosureRequestMiddleware(strapi));
    strapi.documents.use(policyInterpretationMiddleware(strapi));
    strapi.documents.use(richTextMiddleware(strapi));
    // Last: closest to the write, so the version check and the write share one transaction.
    strapi.documents.use(documentVersionMiddleware(strapi));
    // A request's steps are read through its own routes, which check the request's organization.
    if (strapi.plugin('graphql')) registerRequestGraphql(strapi);
    registerGraphqlVersions(strapi, async () => (await access(strapi).current()).mayReadUnpublished);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    defaultAdminLanguage(strapi);
    await ensureLocales(strapi);
    await ensureTopics(strapi);
    await ensurePowerCategories(strapi);
    await ensureInterpretationReference(strapi);
    subscribeBasisReview(strapi);
    await applyLabelsBesideTypes(strapi);
    await strapi.plugin('organization-access').service('roles').ensure();
    await grantRoleActions(strapi, 'public', PUBLIC_READ_ACTIONS);
    await grantRoleActions(strapi, 'authenticated', PUBLIC_READ_ACTIONS);
    rememberPublicPermissions(strapi);
    await applySiteUserRegistration(strapi);
    scheduleDailyMarking(strapi);

    const seedOnStart = process.env.NODE_ENV === 'development' && process.env.SEED_DEMO !== 'false';
    if (seedOnStart && (await isEmpty(strapi))) {
      const report = await seedDemo(strapi);
      strapi.log.info(`Demo data loaded: ${report.created} records created.`);
    }
  },
};
