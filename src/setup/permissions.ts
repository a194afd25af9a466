import type { Core } from '@strapi/strapi';
import { rememberUntilChange } from '../utils/remember';

/**
 * What anyone may read without signing in. Disclosure is the product's purpose, so these are
 * restored at every start rather than left to a manual click in Settings.
 */
export const PUBLIC_READ_ACTIONS = [
  'api::organization.organization.find',
  'api::organization.organization.findOne',
  'api::topic.topic.find',
  'api::topic.topic.findOne',
  'api::normative-document.normative-document.find',
  'api::normative-document.normative-document.findOne',
  'api::channel.channel.find',
  'api::channel.channel.findOne',
  'api::interpretation-form.interpretation-form.find',
  'api::interpretation-form.interpretation-form.findOne',
  'api::policy-interpretation.policy-interpretation.find',
  'api::policy-interpretation.policy-interpretation.findOne',
  'api::power-category.power-category.find',
  'api::power-category.power-category.findOne',
  'api::power-item.power-item.find',
  'api::power-item.power-item.findOne',
];

/** Grants `actions` to a users-permissions role (`public`, `authenticated`) where missing. */
export async function grantRoleActions(strapi: Core.Strapi, roleType: string, actions: readonly string[]): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role "${roleType}" does not exist`);
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of actions) {
    const existing = await permissions.findOne({ where: { action, role: role.id } });
    if (!existing) await permissions.create({ data: { action, role: role.id } });
  }
}

/**
 * Every request without credentials reads the public role's permissions from the database
 * (users-permissions does, to build what the public may do). They change only when someone edits
 * the role, which is a write: they are kept until the data changes, as the public cache keeps
 * its answers.
 */
export function rememberPublicPermissions(strapi: Core.Strapi): void {
  if (!strapi.plugin('public-cache')) return;
  const permissions = strapi.plugin('users-permissions').service('permission') as unknown as { findPublicPermissions: () => Promise<unknown[]> };
  const find = permissions.findPublicPermissions.bind(permissions);
  permissions.findPublicPermissions = () => rememberUntilChange(strapi, 'users-permissions:public-permissions', find);

  // From those permissions (or a role's, or a token's) the content API builds an ability on every
  // request, evaluating each permission through the engine's hooks. The ability is a function of
  // the permissions alone and is only asked (`can`), never changed, so one built for the same
  // permissions is used again until the data changes.
  const engine = strapi.contentAPI.permissions.engine as unknown as { generateAbility: (permissions: unknown[], options?: object) => Promise<unknown> };
  const generate = engine.generateAbility.bind(engine);
  engine.generateAbility = (list, options) => {
    if (options && Object.keys(options).length > 0) return generate(list, options);
    return rememberUntilChange(strapi, `content-api:ability ${JSON.stringify(list)}`, () => generate(list));
  };
}
