import type { Core, UID } from '@strapi/strapi';
import { enabledTypeOf, findEnabledTypes, isToOne, ofType, type ContentTypeLike } from '../../../../utils/plugin-types';
import { PLUGIN_ID } from './constants';

/**
 * What the ratios count on the type of interpretations: who published it and when, and the two
 * facts its own rules keep (`diverseForm` from its form, `beyondWebsite` from its channels), with
 * `publicationWarnings` where a publication below target is recorded.
 */
const NEEDS = {
  draftAndPublish: 'only published interpretations count',
  attributes: {
    organization: { fits: isToOne('api::organization.organization'), is: 'a to-one relation to api::organization.organization' },
    publishedOn: { fits: ofType('date'), is: 'a date' },
    diverseForm: { fits: ofType('boolean'), is: 'a boolean' },
    beyondWebsite: { fits: ofType('boolean'), is: 'a boolean' },
    publicationWarnings: { fits: ofType('json'), is: 'a JSON attribute' },
  },
};

export const findInterpretationTypes = (contentTypes: Record<string, ContentTypeLike | undefined>): string[] => findEnabledTypes(PLUGIN_ID, contentTypes, NEEDS);

/** The type whose publications the ratios count, from its schema's `pluginOptions["publishing-ratios"]`. */
export const interpretationTypeOf = (strapi: Core.Strapi): UID.ContentType =>
  enabledTypeOf(strapi, PLUGIN_ID, NEEDS, 'the type of policy interpretations') as UID.ContentType;
