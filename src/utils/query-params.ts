import type { Core } from '@strapi/strapi';
import { chinaToday, isIsoDate, type IsoDate } from '../domain/dates';
import { VALIDITIES, type Validity } from '../domain/lifecycle';
import { fieldError } from './errors';
import { organizationTree } from './access';

/** `asOf`: a real calendar date, not after today in China. */
export function asOfParam(value: unknown, name = 'asOf'): IsoDate {
  if (!isIsoDate(value)) throw fieldError(name, 'must be a calendar date (YYYY-MM-DD)', value);
  if (value > chinaToday(new Date())) throw fieldError(name, 'must not be in the future', value);
  return value;
}

/** `validity`: one of the lifecycle states. */
export function validityParam(value: unknown, name = 'validity'): Validity {
  if (!(VALIDITIES as unknown[]).includes(value)) throw fieldError(name, `must be one of ${VALIDITIES.join(', ')}`, value);
  return value as Validity;
}

/**
 * Removes one of our own query parameters from the request before Strapi's strict parameter check
 * sees it; a 400 naming it when it is not a single non-empty value.
 */
export function takeParam(ctx: { query: unknown }, name: string): string | undefined {
  const query = ctx.query as Record<string, unknown>;
  const value = query[name];
  delete query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw fieldError(name, 'must be a single non-empty value', value);
  return value.trim();
}

/** Adds our own conditions to whatever `filters` the client sent, so both apply. */
export function addFilters(ctx: { query: unknown }, filters: Record<string, unknown>[]): void {
  if (filters.length === 0) return;
  const query = ctx.query as Record<string, unknown>;
  query.filters = query.filters ? { $and: [query.filters, ...filters] } : { $and: filters };
}

/**
 * `organization`: the documentIds of that organization and of every one below it, as lists filter
 * by it; a 400 naming the parameter when it does not exist.
 */
export async function organizationParam(strapi: Core.Strapi, ctx: { query: unknown }): Promise<string[] | undefined> {
  const organization = takeParam(ctx, 'organization');
  if (organization === undefined) return undefined;
  return organizationTree(strapi).requestedSubtree(organization);
}
