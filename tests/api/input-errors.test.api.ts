import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken, createOrganization } from '../harness/fixtures';
import { publishDocument } from '../harness/documents';

let app: TestInstance;
let token: string;
let organization: string;
let documentId: string;

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
  organization = (await createOrganization(app.strapi)).documentId;
  documentId = await publishDocument(app.strapi, { issuingOrganization: organization });
});

afterAll(async () => {
  await app.stop();
});

const auth = () => ({ Authorization: `Bearer ${token}` });
const envelope = (path: string[]) => ({
  data: null,
  error: expect.objectContaining({ status: 400, name: 'ValidationError', details: { errors: [expect.objectContaining({ path })] } }),
});

describe('malformed filters are a 400 naming the parameter, for the public and for tokens', () => {
  it.each([
    ['/api/normative-documents?filters[title][$eq][$ne]=x', ['filters', 'title', '$eq']],
    ['/api/organizations?filters[name][$eq][$ne]=x', ['filters', 'name', '$eq']],
    ['/api/topics?filters[$and]=x', ['filters', '$and']],
    ['/api/topics?filters[$or][0]=x', ['filters', '$or', '0']],
    ['/api/topics?filters[name][$between][0]=a', ['filters', 'name', '$between']],
    ['/api/topics?filters[sortOrder][$eq]=abc', ['filters', 'sortOrder', '$eq']],
    ['/api/topics?filters[id][$eq]=abc', ['filters', 'id', '$eq']],
    ['/api/normative-documents?filters[publishedOn][$eq]=2024-02-30', ['filters', 'publishedOn', '$eq']],
    ['/api/normative-documents?filters[issuingOrganization][name][$eq][$ne]=x', ['filters', 'issuingOrganization', 'name', '$eq']],
    ['/api/topics?_q[0]=x', ['_q']],
    ['/api/topics?filters[name][$eq]=%00', ['filters', 'name', '$eq']],
  ])('%s', async (url, path) => {
    for (const headers of [{}, auth()]) {
      const res = await request(app.server).get(url).set(headers);
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: envelope(path) });
    }
  });

  it('in populate filters too', async () => {
    const res = await request(app.server).get(`/api/organizations/${organization}?populate[setupBasisDocuments][filters][title][$eq][$ne]=x`);
    expect(res.body).toEqual(envelope(['populate', 'setupBasisDocuments', 'filters', 'title', '$eq']));
  });

  it('still answers well-formed filters', async () => {
    const res = await request(app.server).get(`/api/normative-documents?filters[publishedOn][$between][0]=2024-01-01&filters[publishedOn][$between][1]=2024-12-31&filters[documentId][$in][0]=${documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((doc: { documentId: string }) => doc.documentId)).toEqual([documentId]);
  });
});

describe('malformed writes are a 400 naming the field and change nothing', () => {
  const count = () => app.strapi.db.query('api::topic.topic').count();

  it.each([
    [{ constructor: { prototype: {} } }, ['data', 'constructor']],
    [{ name: 'x', code: 'proto', sortOrder: 1, toString: 'x' }, ['data', 'toString']],
    [{ name: 'x', code: 'big', sortOrder: 1e308 }, ['data', 'sortOrder']],
    [{ name: 'nul\u0000', code: 'nul' }, ['data', 'name']],
    [{ name: 'x'.repeat(40), code: 'en', locale: 'en' }, ['data', 'locale']],
  ])('%j', async (data, path) => {
    const before = await count();
    const res = await request(app.server).post('/api/topics').set(auth()).send({ data });
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: envelope(path) });
    expect(await count()).toBe(before);
  });

  it('refuses a locale on an update of a type that is not translated, and keeps the stored one', async () => {
    const res = await request(app.server).put(`/api/organizations/${organization}`).set(auth()).send({ data: { locale: 'en' } });
    expect(res.body).toEqual(envelope(['data', 'locale']));
    const stored = await app.strapi.db.query('api::organization.organization').findOne({ where: { documentId: organization } });
    expect(stored.locale).not.toBe('en');
  });

  it.each([
    [{ before: { x: 1 } }, ['data', 'setupBasisDocuments', 'connect', '0', 'position', 'before']],
    [{ after: ['a'] }, ['data', 'setupBasisDocuments', 'connect', '0', 'position', 'after']],
    [{ start: 'yes' }, ['data', 'setupBasisDocuments', 'connect', '0', 'position', 'start']],
    [{ middle: true }, ['data', 'setupBasisDocuments', 'connect', '0', 'position', 'middle']],
    ['first', ['data', 'setupBasisDocuments', 'connect', '0', 'position']],
  ])('refuses the position %j of a linked document, changing nothing', async (position, path) => {
    const res = await request(app.server)
      .put(`/api/organizations/${organization}`)
      .set(auth())
      .send({ data: { setupBasisDocuments: { connect: [{ documentId: 'doesnotexist0000000000000', position }] } } });
    expect({ status: res.status, path: res.body.error?.details?.errors?.[0]?.path }).toEqual({ status: 400, path });
  });

  it.each(['2021-02-30', '12345', 'yesterday'])('names a date field given %s', async (adoptedOn) => {
    const before = await app.strapi.db.query('api::normative-document.normative-document').count();
    const res = await request(app.server).post('/api/normative-documents').set(auth()).send({ data: { title: '日期测试', adoptedOn } });
    expect(res.body).toEqual(envelope(['data', 'adoptedOn']));
    expect(res.body.error.message).toBe('data.adoptedOn must be a calendar date (YYYY-MM-DD)');
    expect(await app.strapi.db.query('api::normative-document.normative-document').count()).toBe(before);
  });

  it('refuses an inherited key in a transition body as a 400 naming it', async () => {
    const res = await request(app.server).post('/api/normative-documents/doesnotexist0000000000000/transitions').set(auth()).send({ constructor: '' });
    expect(res.body).toEqual(envelope(['constructor']));
  });

  it('checks the mail route input instead of failing in the provider', async () => {
    const res = await request(app.server).post('/api/email').set(auth()).send({ subject: 'x', text: 'y' });
    expect(res.body).toEqual(envelope(['to']));
  });
});

describe('GraphQL limits', () => {
  const graphql = (query: string) => request(app.server).post('/graphql').send({ query });

  it('refuses fragments that spread each other in a cycle, or a fragment never defined, with a 400', async () => {
    const cycle = await graphql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect({ status: cycle.status, errors: cycle.body.errors }).toEqual({
      status: 400,
      errors: [{ message: 'Cannot spread fragment "A" within itself via "B".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
    const unknown = await graphql('query { ...Nowhere }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toBe('Unknown fragment "Nowhere".');
  });

  it('refuses a subscription, which this API does not have, as a client error', async () => {
    const res = await graphql('subscription { normativeDocuments { title } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ message: 'This API has no subscriptions: send a query or a mutation.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('refuses more aliases than the limit, saying which limit', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: normativeDocuments(pagination: { limit: 100 }) { documentId title }`).join(' ');
    const res = await graphql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ message: 'The query uses 300 aliases; the limit is 30.', extensions: { limit: 'aliases', code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('refuses a query whose fields × page sizes exceed the cost limit, and answers one within it', async () => {
    const costly = await graphql('{ organizations(pagination: { limit: 100 }) { setupBasisDocuments(pagination: { limit: 100 }) { title basedOn(pagination: { limit: 100 }) { title } } } }');
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0]).toMatchObject({ extensions: { limit: 'cost', max: 10000 } });
    expect(costly.body.errors[0].message).toMatch(/^The query would resolve \d+ fields \(fields × page sizes\); the limit is 10000\./);
    const fine = await graphql('{ normativeDocuments(pagination: { limit: 100 }) { documentId title issuingOrganization { name } basedOn { title } } }');
    expect(fine.body.errors).toBeUndefined();
    expect(fine.body.data.normativeDocuments.map((doc: { documentId: string }) => doc.documentId)).toEqual([documentId]);
  });

  it('refuses a document of more tokens than the limit', async () => {
    const res = await graphql(`{ ${'__typename '.repeat(6000)} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Document contains more (than|that) 5000 tokens/);
  });
});

describe('requests no route can take', () => {
  it('answers a refusal of Strapi\'s own plugin routes in the same envelope', async () => {
    const res = await request(app.server).get('/api/content-type-builder/content-types?kind=').set(auth());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', message: expect.any(String) } });
  });

  it('refuses a compressed body with a 415 before parsing it', async () => {
    const res = await request(app.server).post('/api/auth/local').set({ 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).send('x');
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ status: 415, name: 'UnsupportedMediaTypeError' });
  });

  it('refuses JSON nested deeper than any request needs', async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const res = await request(app.server).post('/api/auth/local').set('Content-Type', 'application/json').send(`{"identifier":${deep},"password":"x"}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/nested more than 32 levels deep/);
  });

  it('refuses a filter list longer than the query parser keeps, instead of dropping the filter', async () => {
    const items = Array.from({ length: 101 }, (_, i) => `filters[name][$in][${i}]=z`).join('&');
    const res = await request(app.server).get(`/api/organizations?${items}`);
    expect(res.body).toEqual(envelope(['filters', 'name', '$in']));
  });

  it.each(['constructor=1', 'toString=1', 'filters[title][constructor]=1', 'pagination[hasOwnProperty]=1'])('refuses the inherited name in %s, which Strapi would let through unchecked', async (query) => {
    const res = await request(app.server).get(`/api/normative-documents?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/is not a parameter of any route$/);
  });

  it.each(['sort[0]=.', 'sort=.', 'sort=title..x', 'sort=:asc', 'sort[.]=asc'])('refuses a sort naming an empty field (%s), on a list and on one document', async (query) => {
    const channel = (await app.strapi.db.query('api::channel.channel').findOne({ select: ['documentId'] })) as { documentId: string };
    for (const path of ['/api/channels', `/api/channels/${channel.documentId}`]) {
      const res = await request(app.server).get(`${path}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['sort']);
    }
  });

  it('checks GraphQL documents sent with any JSON type the GraphQL parser reads', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .set('Content-Type', 'application/vnd.api+json')
      .send(JSON.stringify({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }));
    expect(res.status).toBe(400);
  });

  it('costs normativeDocumentsAsOf by the page size it asks for', async () => {
    const fields = 'documentId title documentNumber kind publishedOn effectiveFrom validUntil validity validityLabel summary';
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: normativeDocumentsAsOf(asOf: "2026-01-01", pageSize: 100) { ${fields} }`).join(' ');
    const res = await request(app.server).post('/graphql').send({ query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ limit: 'cost' });
  });

  it('answers a password reset the same for a known address whose mail cannot be sent as for an unknown one', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    await app.strapi.plugin('users-permissions').service('user').add({
      username: 'reset', email: 'reset@example.cn', password: 'Reset-Pass-1', provider: 'local', confirmed: true, blocked: false, role: role.id,
    });
    const known = await request(app.server).post('/api/auth/forgot-password').send({ email: 'reset@example.cn' });
    const unknown = await request(app.server).post('/api/auth/forgot-password').send({ email: 'nobody@example.cn' });
    expect({ status: known.status, body: known.body }).toEqual({ status: unknown.status, body: unknown.body });
    expect(known.status).toBe(200);
  });

  it.each(['/api/users/abc', '/api/users-permissions/roles/9999-99-99', '/api/upload/files/99999999999', '/api/topics/%00'])('refuses %s with a 400', async (url) => {
    const res = await request(app.server).get(url).set(auth());
    expect({ status: res.status, name: res.body.error?.name }).toEqual({ status: 400, name: 'ValidationError' });
  });

  it('answers a method a route does not have in the envelope', async () => {
    const res = await request(app.server).patch('/api/topics');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).toMatchObject({ data: null, error: { status: res.status } });
  });

  it('keeps site users from read-only and organization-bound tokens', async () => {
    const readOnly = await createApiToken(app.strapi, 'read-only');
    const denied = await request(app.server).get('/api/users').set('Authorization', `Bearer ${readOnly}`);
    expect(denied.status).toBe(403);
    expect(JSON.stringify(denied.body)).not.toContain('reset@example.cn');
    const platform = await request(app.server).get('/api/users').set(auth());
    expect(platform.status).toBe(200);
  });
});
