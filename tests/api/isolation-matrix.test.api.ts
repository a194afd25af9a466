import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { findOwnedTypes, ownedTypesOf, type ContentTypeLike, type OwnedType } from '../../src/plugins/organization-access/server/src/ownership';
import { startStrapi, APP_DIR, type TestInstance } from '../harness/strapi';
import {
  bindToOrganizations,
  createAdminUser,
  adminToken,
  createApiTokenRecord,
  createOrganization,
  createSiteUser,
  signedInMember,
} from '../harness/fixtures';
import { editableField, prepareSamples, sampleData } from '../harness/samples';

/**
 * Every organization-owned type, read from the schema files the same way the server reads them,
 * so a type added later joins this matrix without anyone listing it.
 */
function ownedTypesFromSchemaFiles(): OwnedType[] {
  const apiDir = path.join(APP_DIR, 'src', 'api');
  const schemas: Record<string, ContentTypeLike> = {};
  for (const api of fs.readdirSync(apiDir)) {
    const typesDir = path.join(apiDir, api, 'content-types');
    if (!fs.existsSync(typesDir)) continue;
    for (const name of fs.readdirSync(typesDir)) {
      schemas[`api::${api}.${name}`] = JSON.parse(fs.readFileSync(path.join(typesDir, name, 'schema.json'), 'utf8'));
    }
  }
  return [...findOwnedTypes(schemas).values()];
}

const TYPES = ownedTypesFromSchemaFiles();
const SIDES = ['A', 'B'] as const;
type Side = (typeof SIDES)[number];
const other = (side: Side): Side => (side === 'A' ? 'B' : 'A');

interface Organization {
  id: number;
  documentId: string;
}
interface Actors {
  editor: string;
  publisher: string;
  token: string;
  user: string;
}

let app: TestInstance;
const organizations = {} as Record<Side, Organization>;
const actors = {} as Record<Side, Actors>;
let auditor: string;
let superAdmin: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const names = (uid: string) => {
  const schema = app.strapi.contentTypes[uid as never] as unknown as { info: { singularName: string; pluralName: string } };
  const camel = (text: string) => text.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
  return { plural: schema.info.pluralName, single: camel(schema.info.singularName), many: camel(schema.info.pluralName) };
};

beforeAll(async () => {
  app = await startStrapi();
  const { strapi } = app;
  const root = await createOrganization(strapi, { name: '隔离测试市人民政府', kind: 'people_government' });
  for (const side of SIDES) {
    const organization = await createOrganization(strapi, { name: `隔离测试${side}局`, parent: root.documentId });
    organizations[side] = organization;
    await prepareSamples(strapi, organization.documentId);
    const token = await createApiTokenRecord(strapi, 'full-access');
    await bindToOrganizations(strapi, { apiToken: token.id }, [organization.id]);
    const user = await createSiteUser(app.server, strapi);
    await bindToOrganizations(strapi, { siteUser: user.id }, [organization.id]);
    actors[side] = {
      editor: (await signedInMember(app.server, strapi, 'gongkai-editor', [organization.id])).token,
      publisher: (await signedInMember(app.server, strapi, 'gongkai-publisher', [organization.id])).token,
      token: token.accessKey,
      user: user.jwt,
    };
  }
  auditor = (await signedInMember(app.server, strapi, 'gongkai-auditor', [])).token;
  const admin = await createAdminUser(strapi);
  superAdmin = await adminToken(app.server, admin.user.email, admin.password);

  // Site users bound to an organization may write its content through REST and GraphQL.
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  for (const { uid } of TYPES) {
    for (const action of ['find', 'findOne', 'create', 'update', 'delete']) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action: `${uid}.${action}`, role: role.id } });
    }
  }
});

afterAll(async () => {
  await app.stop();
});

it('derives the same organization-owned types from the schema files as the running server', () => {
  expect(TYPES.length).toBeGreaterThan(0);
  expect(TYPES.map((type) => type.uid).sort()).toEqual([...ownedTypesOf(app.strapi).keys()].sort());
});

describe.each(TYPES.map((type) => [type.uid, type] as const))('%s', (uid, type) => {
  /** A draft that was never published and a published document, for each side. */
  const records = {} as Record<Side, { draft: string; published: string }>;
  let field: string;

  const snapshot = async (side: Side) =>
    JSON.stringify(
      await app.strapi.db.query(uid).findMany({
        where: { [type.owner]: { id: organizations[side].id } },
        select: ['id', 'documentId', 'updatedAt', 'publishedAt', field],
        orderBy: { id: 'asc' },
      }),
    );
  const create = async (side: Side) => {
    const documents = app.strapi.documents(uid as never) as unknown as { create: (params: object) => Promise<{ documentId: string }> };
    return (await documents.create({ data: sampleData(app.strapi, uid, type.owner, organizations[side].documentId) })).documentId;
  };

  beforeAll(async () => {
    field = editableField(app.strapi, uid);
    for (const side of SIDES) {
      const draft = await create(side);
      const published = await create(side);
      if (type.draftAndPublish) await (app.strapi.documents(uid as never) as unknown as { publish: (p: object) => Promise<unknown> }).publish({ documentId: published });
      records[side] = { draft, published };
    }
  });

  const ids = (side: Side) => [records[side].draft, records[side].published];
  const cm = (path = '') => `/content-manager/collection-types/${uid}${path}`;
  /** Relation fields (anywhere) that point at this type: their pickers must not offer other organizations' content. */
  const pickers = () =>
    Object.values(app.strapi.contentTypes as unknown as Record<string, { uid: string; attributes: Record<string, { type: string; target?: string }> }>)
      .filter((contentType) => contentType.uid.startsWith('api::'))
      .flatMap((contentType) =>
        Object.entries(contentType.attributes)
          .filter(([name, attribute]) => attribute.type === 'relation' && attribute.target === uid && name !== 'localizations')
          .map(([name]) => ({ source: contentType.uid, name })),
      );

  describe.each(SIDES.map((side) => [side] as const))('content of organization %s', (owner) => {
    const intruder = other(owner);

    it('is listed, opened, created, edited and published by its own organization', async () => {
      const { editor, publisher, token } = actors[owner];
      const list = await request(app.server).get(cm()).set(bearer(editor));
      expect(list.status).toBe(200);
      expect(list.body.results.map((row: { documentId: string }) => row.documentId)).toEqual(expect.arrayContaining(ids(owner)));

      expect((await request(app.server).get(cm(`/${records[owner].draft}`)).set(bearer(editor))).status).toBe(200);
      const created = await request(app.server)
        .post(cm())
        .set(bearer(editor))
        .send(sampleData(app.strapi, uid, type.owner, organizations[owner].documentId));
      expect(created.status).toBe(201);
      const edited = await request(app.server)
        .put(cm(`/${created.body.data.documentId}`))
        .set(bearer(editor))
        .send({ [field]: `本机构修改${owner}` });
      expect(edited.status).toBe(200);
      if (type.draftAndPublish) {
        const published = await request(app.server).post(cm(`/${created.body.data.documentId}/actions/publish`)).set(bearer(publisher)).send({});
        expect(published.status).toBe(200);
      }

      const rest = await request(app.server).get(`/api/${names(uid).plural}?status=draft`).set(bearer(token));
      expect(rest.status).toBe(200);
      expect(rest.body.data.map((row: { documentId: string }) => row.documentId)).toEqual(expect.arrayContaining([records[owner].draft]));
      const restEdit = await request(app.server)
        .put(`/api/${names(uid).plural}/${created.body.data.documentId}?status=draft`)
        .set(bearer(token))
        .send({ data: { [field]: `令牌修改${owner}` } });
      expect(restEdit.status).toBe(200);
    });

    it(`is invisible to organization ${intruder} in the Content Manager, the relation pickers and bulk actions`, async () => {
      const before = await snapshot(owner);
      for (const token of [actors[intruder].editor, actors[intruder].publisher]) {
        const list = await request(app.server).get(cm()).set(bearer(token));
        expect(list.status).toBe(200);
        const listed = list.body.results.map((row: { documentId: string }) => row.documentId);
        expect(listed).toEqual(expect.arrayContaining(ids(intruder)));
        expect(listed).not.toEqual(expect.arrayContaining([records[owner].draft]));
        expect(listed).not.toContain(records[owner].published);
        const search = await request(app.server).get(cm(`?_q=${encodeURIComponent('样例')}`)).set(bearer(token));
        expect(search.body.results.map((row: { documentId: string }) => row.documentId)).not.toContain(records[owner].draft);

        for (const documentId of ids(owner)) {
          expect([403, 404]).toContain((await request(app.server).get(cm(`/${documentId}`)).set(bearer(token))).status);
        }
        for (const picker of pickers()) {
          const offered = await request(app.server).get(`/content-manager/relations/${picker.source}/${picker.name}?pageSize=100`).set(bearer(token));
          expect(offered.status).toBe(200);
          const offeredIds = offered.body.results.map((row: { documentId: string }) => row.documentId);
          for (const documentId of ids(owner)) expect(offeredIds).not.toContain(documentId);
          const searched = await request(app.server)
            .get(`/content-manager/relations/${picker.source}/${picker.name}?_q=${encodeURIComponent('样例')}&pageSize=100`)
            .set(bearer(token));
          for (const documentId of ids(owner)) expect(searched.body.results.map((row: { documentId: string }) => row.documentId)).not.toContain(documentId);
        }
        for (const name of pickers().filter((picker) => picker.source === uid).map((picker) => picker.name)) {
          const existing = await request(app.server).get(`/content-manager/relations/${uid}/${records[owner].draft}/${name}`).set(bearer(token));
          expect([403, 404]).toContain(existing.status);
        }
      }
      expect(await snapshot(owner)).toBe(before);
    });

    it(`cannot be changed by organization ${intruder} through any Content Manager action`, async () => {
      const before = await snapshot(owner);
      const { editor, publisher } = actors[intruder];
      const { draft, published } = records[owner];
      const attempts: [string, () => request.Test][] = [
        ['update', () => request(app.server).put(cm(`/${draft}`)).set(bearer(editor)).send({ [field]: '越权修改' })],
        ['delete', () => request(app.server).delete(cm(`/${draft}`)).set(bearer(publisher))],
        ['clone', () => request(app.server).post(cm(`/clone/${draft}`)).set(bearer(editor)).send({ [field]: '越权复制' })],
        ['auto-clone', () => request(app.server).post(cm(`/auto-clone/${draft}`)).set(bearer(editor)).send({})],
      ];
      if (type.draftAndPublish) {
        attempts.push(
          ['publish', () => request(app.server).post(cm(`/${draft}/actions/publish`)).set(bearer(publisher)).send({})],
          ['unpublish', () => request(app.server).post(cm(`/${published}/actions/unpublish`)).set(bearer(publisher)).send({})],
          ['discard draft', () => request(app.server).post(cm(`/${published}/actions/discard`)).set(bearer(publisher)).send({})],
        );
      }
      for (const [action, attempt] of attempts) {
        const res = await attempt();
        // Auto-clone is refused for any type with unique or relational fields before access is even asked.
        const refused = [403, 404].includes(res.status) || (action === 'auto-clone' && res.body.error?.details?.prohibitedFields !== undefined);
        expect({ action, status: res.status, refused }).toMatchObject({ action, refused: true });
        expect(res.body.error).toBeDefined();
      }
      for (const action of ['bulkDelete', ...(type.draftAndPublish ? ['bulkPublish', 'bulkUnpublish'] : [])]) {
        const res = await request(app.server).post(cm(`/actions/${action}`)).set(bearer(publisher)).send({ documentIds: ids(owner) });
        expect({ action, changed: res.status < 300 ? (res.body.count ?? res.body.data?.count ?? 0) : 0 }).toEqual({ action, changed: 0 });
      }
      const intoOther = await request(app.server)
        .post(cm())
        .set(bearer(editor))
        .send(sampleData(app.strapi, uid, type.owner, organizations[owner].documentId));
      expect(intoOther.status).toBe(403);
      const moved = await request(app.server)
        .put(cm(`/${records[intruder].draft}`))
        .set(bearer(editor))
        .send({ [type.owner]: { connect: [{ documentId: organizations[owner].documentId }] } });
      expect(moved.status).toBe(403);
      for (const picker of pickers().filter((candidate) => candidate.source === uid)) {
        const linked = await request(app.server)
          .put(cm(`/${records[intruder].draft}`))
          .set(bearer(editor))
          .send({ [picker.name]: { connect: [{ documentId: draft }] } });
        // As a link to a document that does not exist: the draft's existence is not told.
        expect({ field: picker.name, status: linked.status, message: linked.body.error?.message }).toEqual({
          field: picker.name,
          status: 400,
          message: `Document with id "${draft}", locale "null" not found`,
        });
      }
      expect(await snapshot(owner)).toBe(before);
    });

    it(`is invisible to and unchangeable by organization ${intruder}'s API token and site user over REST`, async () => {
      const before = await snapshot(owner);
      const { plural } = names(uid);
      for (const credential of [actors[intruder].token, actors[intruder].user]) {
        for (const status of ['draft', 'published']) {
          const list = await request(app.server).get(`/api/${plural}?status=${status}&pagination[pageSize]=100`).set(bearer(credential));
          expect(list.status).toBe(200);
          const listed = list.body.data.map((row: { documentId: string }) => row.documentId);
          for (const documentId of ids(owner)) expect(listed).not.toContain(documentId);
        }
        for (const documentId of ids(owner)) {
          expect((await request(app.server).get(`/api/${plural}/${documentId}`).set(bearer(credential))).status).toBe(404);
          const edit = await request(app.server).put(`/api/${plural}/${documentId}`).set(bearer(credential)).send({ data: { [field]: '越权修改' } });
          expect([403, 404]).toContain(edit.status);
          expect([403, 404]).toContain((await request(app.server).delete(`/api/${plural}/${documentId}`).set(bearer(credential))).status);
        }
        const intoOther = await request(app.server)
          .post(`/api/${plural}`)
          .set(bearer(credential))
          .send({ data: sampleData(app.strapi, uid, type.owner, organizations[owner].documentId) });
        expect(intoOther.status).toBe(403);
        expect(intoOther.body.error).toMatchObject({ name: 'ForbiddenError', message: `${type.owner}: you may only assign content to your own organizations` });
      }
      expect(await snapshot(owner)).toBe(before);
    });

    it(`is invisible to and unchangeable by organization ${intruder}'s API token over GraphQL`, async () => {
      const before = await snapshot(owner);
      const { single, many } = names(uid);
      const typeName = single.charAt(0).toUpperCase() + single.slice(1);
      const graphql = (query: string, variables: Record<string, unknown> = {}) =>
        request(app.server).post('/graphql').set(bearer(actors[intruder].token)).send({ query, variables });

      for (const status of ['DRAFT', 'PUBLISHED']) {
        const list = await graphql(`{ ${many}(status: ${status}, pagination: { limit: 100 }) { documentId } }`);
        expect(list.body.errors).toBeUndefined();
        const listed = list.body.data[many].map((row: { documentId: string }) => row.documentId);
        for (const documentId of ids(owner)) expect(listed).not.toContain(documentId);
        for (const documentId of ids(owner)) {
          const one = await graphql(`query($id: ID!) { ${single}(documentId: $id, status: ${status}) { documentId } }`, { id: documentId });
          expect(one.body.data?.[single] ?? null).toBeNull();
        }
      }
      for (const documentId of ids(owner)) {
        const update = await graphql(
          `mutation($id: ID!, $data: ${typeName}Input!) { update${typeName}(documentId: $id, data: $data) { documentId } }`,
          { id: documentId, data: { [field]: '越权修改' } },
        );
        expect(['STRAPI_FORBIDDEN_ERROR', 'STRAPI_NOT_FOUND_ERROR']).toContain(update.body.errors?.[0]?.extensions?.code);
        const remove = await graphql(`mutation($id: ID!) { delete${typeName}(documentId: $id) { documentId } }`, { id: documentId });
        expect(['STRAPI_FORBIDDEN_ERROR', 'STRAPI_NOT_FOUND_ERROR']).toContain(remove.body.errors?.[0]?.extensions?.code);
      }
      const intoOther = await graphql(`mutation($data: ${typeName}Input!) { create${typeName}(data: $data) { documentId } }`, {
        data: sampleData(app.strapi, uid, type.owner, organizations[owner].documentId),
      });
      expect(intoOther.body.errors?.[0]).toMatchObject({ message: `${type.owner}: you may only assign content to your own organizations`, extensions: { code: 'STRAPI_FORBIDDEN_ERROR' } });
      expect(await snapshot(owner)).toBe(before);
    });

    it('is read by the auditor, who changes nothing', async () => {
      const before = await snapshot(owner);
      const list = await request(app.server).get(cm('?pageSize=100')).set(bearer(auditor));
      expect(list.body.results.map((row: { documentId: string }) => row.documentId)).toEqual(expect.arrayContaining(ids(owner)));
      expect((await request(app.server).get(cm(`/${records[owner].draft}`)).set(bearer(auditor))).status).toBe(200);
      expect((await request(app.server).put(cm(`/${records[owner].draft}`)).set(bearer(auditor)).send({ [field]: '审计修改' })).status).toBe(403);
      expect((await request(app.server).delete(cm(`/${records[owner].draft}`)).set(bearer(auditor))).status).toBe(403);
      const created = await request(app.server).post(cm()).set(bearer(auditor)).send(sampleData(app.strapi, uid, type.owner, organizations[owner].documentId));
      expect(created.status).toBe(403);
      expect(await snapshot(owner)).toBe(before);
    });
  });

  it('is all visible to the super admin', async () => {
    const list = await request(app.server).get(cm('?pageSize=100')).set(bearer(superAdmin));
    expect(list.body.results.map((row: { documentId: string }) => row.documentId)).toEqual(expect.arrayContaining([...ids('A'), ...ids('B')]));
  });
});
