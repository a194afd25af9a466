import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken, createOrganization, uniqueOrganizationCode } from '../harness/fixtures';

const UID = 'api::organization.organization';

let app: TestInstance;
let token: string;

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
});

afterAll(async () => {
  await app.stop();
});

const count = () => app.strapi.db.query(UID).count();
const auth = () => ({ Authorization: `Bearer ${token}` });

function validInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '太原市测试局',
    shortName: '市测试局',
    code: uniqueOrganizationCode(),
    level: 'city',
    kind: 'government_department',
    ...overrides,
  };
}

/** Strapi's error envelope for a 400 that names one field. */
function fieldError(path: string, message: string) {
  return {
    data: null,
    error: {
      status: 400,
      name: 'ValidationError',
      message: `${path} ${message}`,
      details: { errors: [expect.objectContaining({ path: [path], message: `${path} ${message}` })] },
    },
  };
}

describe('public access', () => {
  it('lists and reads organizations without signing in', async () => {
    const city = await createOrganization(app.strapi, { name: '太原市人民政府', level: 'city', kind: 'people_government' });

    const list = await request(app.server).get('/api/organizations').query({ 'filters[code][$eq]': city.code });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([expect.objectContaining({ documentId: city.documentId, name: '太原市人民政府' })]);

    const one = await request(app.server).get(`/api/organizations/${city.documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ name: '太原市人民政府', code: city.code, level: 'city', kind: 'people_government' });
  });

  it('reads organizations through GraphQL without signing in', async () => {
    const org = await createOrganization(app.strapi, { name: '太原市教育局' });
    const res = await request(app.server)
      .post('/graphql')
      .send({ query: `query { organization(documentId: "${org.documentId}") { name code level } }` });
    expect(res.status).toBe(200);
    expect(res.body.data.organization).toEqual({ name: '太原市教育局', code: org.code, level: 'city' });
  });

  it.each([
    ['POST', '/api/organizations'],
    ['PUT', '/api/organizations/:id'],
    ['DELETE', '/api/organizations/:id'],
  ])('refuses %s %s to the public role and writes nothing', async (method, route) => {
    const org = await createOrganization(app.strapi);
    const before = await count();
    const url = route.replace(':id', org.documentId);
    const res = await request(app.server)[method.toLowerCase() as 'post' | 'put' | 'delete'](url).send({
      data: validInput(),
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      data: null,
      error: { status: 403, name: 'ForbiddenError', message: 'Forbidden', details: {} },
    });
    expect(await count()).toBe(before);
    expect(await app.strapi.db.query(UID).findOne({ where: { documentId: org.documentId } })).toMatchObject({
      name: org.name,
    });
  });
});

describe('writing organizations', () => {
  it('creates an organization under a parent and normalizes its code', async () => {
    const parent = await createOrganization(app.strapi, { level: 'city', kind: 'people_government' });
    const code = uniqueOrganizationCode('140105');
    const spaced = `${code.slice(0, 9).toLowerCase()} ${code.slice(9)}`;

    const res = await request(app.server)
      .post('/api/organizations')
      .set(auth())
      .query({ populate: 'parent' })
      .send({ data: validInput({ name: '小店区人民政府', code: spaced, level: 'county', kind: 'people_government', parent: parent.documentId }) });

    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: '小店区人民政府', code, parent: { documentId: parent.documentId } });
  });

  it.each([
    ['too short', '1234', 'must be an 18-character unified social credit code or a 9-character organization code'],
    ['wrong check character', '111401000123456710', 'check character should be X'],
    ['letters in the division code', '11A40100012345671X', 'characters 3–8 must be an administrative division code'],
    ['a forbidden letter', '11140100012345671I', 'contains a character not allowed in a unified social credit code'],
    ['a 9-character code with a wrong check digit', 'D21435691', 'check character should be X'],
  ])('rejects a code that is %s with 400 naming `code`, writing nothing', async (_case, code, message) => {
    const before = await count();
    const res = await request(app.server).post('/api/organizations').set(auth()).send({ data: validInput({ code }) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(fieldError('code', message));
    expect(await count()).toBe(before);
  });

  it('rejects a duplicate code with 400', async () => {
    const existing = await createOrganization(app.strapi);
    const before = await count();
    const res = await request(app.server).post('/api/organizations').set(auth()).send({ data: validInput({ code: existing.code }) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message: 'This attribute must be unique' });
    expect(res.body.error.details.errors[0].path).toEqual(['code']);
    expect(await count()).toBe(before);
  });

  it.each([
    ['an unknown documentId', 'doesnotexist000000000000', 'does not exist'],
    ['an object without a reference', { name: 'x' }, 'must be the documentId of an organization'],
  ])('rejects a parent that is %s with 400 naming `parent`, writing nothing', async (_case, parent, message) => {
    const before = await count();
    const res = await request(app.server).post('/api/organizations').set(auth()).send({ data: validInput({ parent }) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(fieldError('parent', message));
    expect(await count()).toBe(before);
  });

  it('rejects a missing required field with 400 naming it', async () => {
    const before = await count();
    const { level: _level, ...withoutLevel } = validInput();
    const res = await request(app.server).post('/api/organizations').set(auth()).send({ data: withoutLevel });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['level']);
    expect(await count()).toBe(before);
  });

  it('rejects making an organization its own parent', async () => {
    const org = await createOrganization(app.strapi);
    const res = await request(app.server)
      .put(`/api/organizations/${org.documentId}`)
      .set(auth())
      .send({ data: { parent: org.documentId } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(fieldError('parent', 'cannot be the organization itself'));
  });

  it('rejects a parent cycle through descendants, leaving the tree unchanged', async () => {
    // Given city → district → township
    const city = await createOrganization(app.strapi, { level: 'city', kind: 'people_government' });
    const district = await createOrganization(app.strapi, { level: 'county', kind: 'people_government', parent: city.documentId });
    const township = await createOrganization(app.strapi, { level: 'township', kind: 'subdistrict_office', parent: district.documentId });

    // When the city is moved under its own grandchild
    const res = await request(app.server)
      .put(`/api/organizations/${city.documentId}`)
      .set(auth())
      .send({ data: { name: '改名不应生效', parent: { connect: [township.documentId] } } });

    // Then it is refused and nothing changed
    expect(res.status).toBe(400);
    expect(res.body).toEqual(fieldError('parent', 'would make the organization its own ancestor'));
    const stored = await app.strapi.documents(UID).findOne({ documentId: city.documentId, populate: ['parent'] });
    expect(stored).toMatchObject({ name: city.name, parent: null });
  });

  it('moves an organization to a new parent', async () => {
    const a = await createOrganization(app.strapi);
    const b = await createOrganization(app.strapi);
    const child = await createOrganization(app.strapi, { parent: a.documentId });
    const res = await request(app.server)
      .put(`/api/organizations/${child.documentId}`)
      .set(auth())
      .query({ populate: 'parent' })
      .send({ data: { parent: b.documentId } });
    expect(res.status).toBe(200);
    expect(res.body.data.parent.documentId).toBe(b.documentId);
  });

  it('refuses to delete an organization that has sub-organizations', async () => {
    const parent = await createOrganization(app.strapi);
    await createOrganization(app.strapi, { parent: parent.documentId });
    const res = await request(app.server).delete(`/api/organizations/${parent.documentId}`).set(auth());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'ApplicationError',
      message: 'Organization has 1 sub-organization(s); move or delete them first',
      details: { code: 'ORGANIZATION_HAS_CHILDREN', children: 1 },
    });
    expect(await app.strapi.db.query(UID).count({ where: { documentId: parent.documentId } })).toBe(1);
  });

  it('deletes a leaf organization', async () => {
    const leaf = await createOrganization(app.strapi);
    const res = await request(app.server).delete(`/api/organizations/${leaf.documentId}`).set(auth());
    expect(res.status).toBe(204);
    expect(await app.strapi.db.query(UID).count({ where: { documentId: leaf.documentId } })).toBe(0);
  });

  it('applies the same rules to GraphQL mutations', async () => {
    const before = await count();
    const res = await request(app.server)
      .post('/graphql')
      .set(auth())
      .send({
        query: `mutation($data: OrganizationInput!) { createOrganization(data: $data) { documentId } }`,
        variables: { data: validInput({ code: '111401000123456710' }) },
      });
    expect(res.body.errors[0]).toMatchObject({
      message: 'code check character should be X',
      extensions: { error: { name: 'ValidationError' } },
    });
    expect(await count()).toBe(before);
  });
});
