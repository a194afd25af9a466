import crypto from 'crypto';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { organizationCodeCheckCharacter, usccCheckCharacter } from '../../src/domain/organization-code';
import type { OrganizationKind, OrganizationLevel } from '../../src/domain/organization';

type Server = Core.Strapi['server']['httpServer'];

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

/** A fresh, valid unified social credit code in the given administrative division. */
export function uniqueOrganizationCode(division = '140100'): string {
  const body = String(crypto.randomInt(0, 1e8)).padStart(8, '0');
  const head = `11${division}${body}${organizationCodeCheckCharacter(body)}`;
  return head + usccCheckCharacter(head);
}

export interface OrganizationInput {
  name?: string;
  shortName?: string;
  code?: string;
  level?: OrganizationLevel;
  kind?: OrganizationKind;
  /** documentId of the parent organization. */
  parent?: string | null;
}

export interface CreatedOrganization {
  id: number;
  documentId: string;
  name: string;
  code: string;
}

/** Creates an organization through the Document Service (so it passes the same validation). */
export async function createOrganization(strapi: Core.Strapi, input: OrganizationInput = {}): Promise<CreatedOrganization> {
  const n = next();
  const created = await strapi.documents('api::organization.organization').create({
    data: {
      name: input.name ?? `测试机构${n}`,
      shortName: input.shortName ?? `机构${n}`,
      code: input.code ?? uniqueOrganizationCode(),
      level: input.level ?? 'city',
      kind: input.kind ?? 'government_department',
      parent: input.parent ?? null,
    },
  });
  return created as unknown as CreatedOrganization;
}

export interface AdminUserInput {
  /** Admin role code, e.g. `strapi-super-admin`, `strapi-editor`. */
  roleCode?: string;
  email?: string;
  password?: string;
}

/** Creates an active admin user with the given role; returns it with its password. */
export async function createAdminUser(strapi: Core.Strapi, input: AdminUserInput = {}) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: input.roleCode ?? 'strapi-super-admin' } });
  if (!role) throw new Error(`admin role ${input.roleCode} does not exist`);
  const password = input.password ?? 'Gongkai-Test-1';
  const user = await strapi.service('admin::user').create({
    email: input.email ?? `admin${next()}@test.gongkai.local`,
    firstname: '测试',
    lastname: '管理员',
    password,
    isActive: true,
    roles: [role.id],
  });
  return { user, password };
}

/** Signs an admin in over HTTP, as the admin panel does; returns the bearer token. */
export async function adminToken(server: Server, email: string, password: string): Promise<string> {
  const res = await request(server).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

/** Creates an API token (`read-only`, `full-access`, or `custom` with permissions); returns its key. */
export async function createApiToken(
  strapi: Core.Strapi,
  type: 'read-only' | 'full-access' | 'custom' = 'read-only',
  permissions: string[] = [],
): Promise<string> {
  return (await createApiTokenRecord(strapi, type, permissions)).accessKey;
}

/** Creates an API token; returns its id (for memberships) and its key. */
export async function createApiTokenRecord(
  strapi: Core.Strapi,
  type: 'read-only' | 'full-access' | 'custom' = 'read-only',
  permissions: string[] = [],
): Promise<{ id: number; accessKey: string }> {
  const token = await strapi.service('admin::api-token').create({
    name: `test-token-${next()}`,
    description: '',
    type,
    lifespan: null,
    permissions: type === 'custom' ? permissions : undefined,
  });
  return { id: token.id, accessKey: token.accessKey };
}

/** Creates a confirmed users-permissions user in the given role and signs it in; returns its JWT. */
export async function createUserJwt(server: Server, strapi: Core.Strapi, roleType = 'authenticated'): Promise<string> {
  return (await createSiteUser(server, strapi, roleType)).jwt;
}

/** Creates a confirmed users-permissions user and signs it in; returns its id and JWT. */
export async function createSiteUser(server: Server, strapi: Core.Strapi, roleType = 'authenticated'): Promise<{ id: number; jwt: string; email: string }> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const n = next();
  const password = 'Gongkai-User-1';
  const email = `user${n}@test.gongkai.local`;
  await strapi.plugin('users-permissions').service('user').add({
    username: `user${n}`,
    email,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  const res = await request(server).post('/api/auth/local').send({ identifier: email, password });
  if (res.status !== 200) throw new Error(`user login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, jwt: res.body.jwt, email };
}

/** Who a membership binds: one admin user, API token or site user. */
export type Member = { adminUser: number } | { apiToken: number } | { siteUser: number };

/** Binds an admin user, API token or site user to organizations (ids), as an administrator does in 机构成员. */
export async function bindToOrganizations(strapi: Core.Strapi, member: Member, organizationIds: number[]): Promise<void> {
  await strapi.documents('plugin::organization-access.membership' as never).create({
    data: { ...member, organizations: organizationIds.map((id) => ({ id })) } as never,
  });
}

/** An admin user with a platform role, bound to organizations, signed in over HTTP. */
export async function signedInMember(
  server: Server,
  strapi: Core.Strapi,
  roleCode: string,
  organizationIds: number[],
): Promise<{ id: number; token: string }> {
  const { user, password } = await createAdminUser(strapi, { roleCode });
  if (organizationIds.length > 0) await bindToOrganizations(strapi, { adminUser: user.id }, organizationIds);
  return { id: user.id, token: await adminToken(server, user.email, password) };
}
