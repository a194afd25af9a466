import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { tableOf } from '../../../../utils/table-read';
import { NOT_DISCLOSED, type ReadModel, type ReadScope } from './read-rule';

/**
 * `readConditions` (read-rule.ts) as SQL on a table alias, for reads made with knex: published
 * rows only, no 不予公开 rows, and for a caller bound to organizations only rows owned by them.
 * The same facts and the same three conditions, so both forms select the same rows; the API
 * tests compare the fast paths built on this with Strapi's.
 */
export function readConditionSql(strapi: Core.Strapi, model: ReadModel | undefined, uid: string, alias: string, scope: ReadScope): Knex.Raw | null {
  if (!model) return null;
  const knex = strapi.db.connection;
  const table = tableOf(strapi, uid);
  const parts: Knex.Raw[] = [];
  if (!scope.mayReadUnpublished) {
    if (model.draftAndPublish) parts.push(knex.raw('?? is not null', [`${alias}.${table.column('publishedAt')}`]));
    if (model.disclosure) parts.push(knex.raw('not ?? = ?', [`${alias}.${table.column('disclosureMode')}`, NOT_DISCLOSED]));
  }
  if (scope.read !== 'all' && model.owner) {
    const reach = scope.read;
    if (reach.length === 0) {
      parts.push(knex.raw('1 = 0'));
    } else {
      const link = table.join(model.owner);
      const owned = knex(link.name).select(link.joinColumn.name).whereIn(link.inverseJoinColumn.name, reach);
      parts.push(knex.raw('?? in (?)', [`${alias}.id`, owned]));
    }
  }
  if (parts.length === 0) return null;
  return knex.raw(parts.map(() => '(?)').join(' and '), parts);
}
