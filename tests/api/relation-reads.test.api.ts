import request from 'supertest';
import { ownedTypesOf } from '../../src/plugins/organization-access/server/src/ownership';
import { PUBLIC_READ_ACTIONS } from '../../src/setup/permissions';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { bindToOrganizations, createApiToken, createApiTokenRecord, createOrganization, createSiteUser } from '../harness/fixtures';
import { prepareSamples, sampleData } from '../harness/samples';

/**
 * What a caller may not read at the top level it may not read, count, filter or sort on through
 * any relation. Derived from the schemas: every type the public may read, every relation
 * attribute of it (both directions) that leads to a type with draft/publish, a disclosure mode or
 * an owner, tried by REST populate, filters and sort and by GraphQL nesting and filters, for the
 * public, a read-only token, and a token and a site user bound to another organization.
 */

interface Attribute {
  type: string;
  target?: string;
  relation?: string;
  mappedBy?: string;
  inversedBy?: string;
}
interface Schema {
  uid: string;
  info: { singularName: string; pluralName: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Attribute>;
}

let app: TestInstance;
const schemas = () => app.strapi.contentTypes as unknown as Record<string, Schema>;
const camel = (text: string) => text.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
const isRestricted = (uid: string) => {
  const schema = schemas()[uid];
  return !!schema && (schema.options?.draftAndPublish === true || 'disclosureMode' in schema.attributes || ownedTypesOf(app.strapi).has(uid));
};
/** Types the public may list. */
const publicTypes = () =>
  [...new Set(PUBLIC_READ_ACTIONS.filter((action) => action.endsWith('.find')).map((action) => action.slice(0, -'.find'.length)))];

/** Every (type, relation attribute) a reader could go through to a restricted type. */
function relationPaths(): { source: string; attribute: string; target: string }[] {
  return publicTypes().flatMap((source) =>
    Object.entries(schemas()[source].attributes)
      .filter(([name, attribute]) => attribute.type === 'relation' && attribute.target && name !== 'localizations' && isRestricted(attribute.target))
      .map(([attribute, { target }]) => ({ source, attribute, target: target! })),
  );
}

type Side = 'A' | 'B';
const organizations = {} as Record<Side, { id: number; documentId: string }>;
/** Per target type, the rows of organization B: never published, published but 不予公开, published and open. */
const rows = new Map<string, { draftOnly: string; notDisclosed?: string; published: string }>();
/** Per source type, one record of organization A every caller may read. */
const sources = new Map<string, string>();

type Documents = {
  create: (params: object) => Promise<{ documentId: string }>;
  update: (params: object) => Promise<unknown>;
  publish: (params: object) => Promise<unknown>;
};
const documents = (uid: string) => app.strapi.documents(uid as never) as unknown as Documents;
const hasDrafts = (uid: string) => schemas()[uid].options?.draftAndPublish === true;

async function createRecord(uid: string, side: Side, extra: Record<string, unknown> = {}, publish = true): Promise<string> {
  if (uid === 'api::organization.organization') {
    return (await createOrganization(app.strapi, { name: `关系读取${side}${Math.random().toString(36).slice(2, 7)}`, parent: organizations.A.documentId })).documentId;
  }
  const owner = ownedTypesOf(app.strapi).get(uid)?.owner;
  const data = owner ? sampleData(app.strapi, uid, owner, organizations[side].documentId) : {};
  const { documentId } = await documents(uid).create({ data: { ...data, ...extra } });
  if (publish && hasDrafts(uid)) await documents(uid).publish({ documentId });
  return documentId;
}

/** Links `source.attribute` to the target rows, through whichever side owns the relation. */
async function link(source: string, attribute: string, targets: string[]) {
  const definition = schemas()[source].attributes[attribute];
  const sourceId = sources.get(source)!;
  if (definition.mappedBy) {
    for (const targetId of targets) {
      await documents(definition.target!).update({ documentId: targetId, data: { [definition.mappedBy]: { connect: [sourceId] } } });
    }
    const published = Object.values(rows.get(definition.target!) ?? {}).filter((id) => id !== rows.get(definition.target!)?.draftOnly);
    for (const targetId of published) if (targets.includes(targetId!)) await documents(definition.target!).publish({ documentId: targetId });
    return;
  }
  await documents(source).update({ documentId: sourceId, data: { [attribute]: { connect: targets } } });
  if (hasDrafts(source)) await documents(source).publish({ documentId: sourceId });
}

interface Caller {
  name: string;
  headers: Record<string, string>;
  /** Which of organization B's rows this caller may not read. */
  hidden: (target: string) => string[];
}
const callers: Caller[] = [];

beforeAll(async () => {
  app = await startStrapi();
  const root = await createOrganization(app.strapi, { name: '关系读取测试市人民政府', kind: 'people_government' });
  for (const side of ['A', 'B'] as const) {
    organizations[side] = await createOrganization(app.strapi, { name: `关系读取测试${side}局`, parent: root.documentId });
    await prepareSamples(app.strapi, organizations[side].documentId);
  }
  const targets = [...new Set(relationPaths().map((path) => path.target))];
  for (const target of targets) {
    const withDisclosure = 'disclosureMode' in schemas()[target].attributes;
    rows.set(target, {
      draftOnly: await createRecord(target, 'B', {}, false),
      notDisclosed: withDisclosure ? await createRecord(target, 'B', { disclosureMode: 'not_disclosed' }) : undefined,
      published: await createRecord(target, 'B'),
    });
  }
  for (const source of new Set(relationPaths().map((path) => path.source))) {
    sources.set(source, source === 'api::organization.organization' ? organizations.A.documentId : await createRecord(source, 'A'));
  }
  for (const { source, attribute, target } of relationPaths()) {
    const { draftOnly, notDisclosed, published } = rows.get(target)!;
    await link(source, attribute, [draftOnly, notDisclosed, published].filter((id): id is string => !!id));
  }

  const unpublished = (target: string) => [rows.get(target)!.draftOnly, rows.get(target)!.notDisclosed].filter((id): id is string => !!id);
  const allOfB = (target: string) => [...unpublished(target), rows.get(target)!.published];
  const boundToken = await createApiTokenRecord(app.strapi, 'full-access');
  await bindToOrganizations(app.strapi, { apiToken: boundToken.id }, [organizations.A.id]);
  const user = await createSiteUser(app.server, app.strapi);
  await bindToOrganizations(app.strapi, { siteUser: user.id }, [organizations.A.id]);
  callers.push(
    { name: 'the public', headers: {}, hidden: unpublished },
    { name: 'a read-only token', headers: { Authorization: `Bearer ${await createApiToken(app.strapi, 'read-only')}` }, hidden: unpublished },
    { name: 'a full-access token bound to another organization', headers: { Authorization: `Bearer ${boundToken.accessKey}` }, hidden: allOfB },
    { name: 'a site user bound to another organization', headers: { Authorization: `Bearer ${user.jwt}` }, hidden: allOfB },
  );
});

afterAll(async () => {
  await app.stop();
});

it('finds relations to try from the schemas', () => {
  const paths = relationPaths().map(({ source, attribute }) => `${source}.${attribute}`);
  // Both directions of a relation are there: the owning side and the side it is mapped by.
  expect(paths).toEqual(expect.arrayContaining(['api::organization.organization.setupBasisDocuments', 'api::normative-document.normative-document.basisFor']));
});

describe.each(['the public', 'a read-only token', 'a full-access token bound to another organization', 'a site user bound to another organization'])('%s', (callerName) => {
  const caller = () => callers.find((candidate) => candidate.name === callerName)!;
  const cases = () => relationPaths().map((path) => ({ ...path, plural: schemas()[path.source].info.pluralName }));

  const get = (url: string) => request(app.server).get(url).set(caller().headers);
  const graphql = (query: string) => request(app.server).post('/graphql').set(caller().headers).send({ query });
  const leaks = (body: unknown, target: string) => caller().hidden(target).filter((id) => JSON.stringify(body).includes(id));

  it('reads no hidden row through a REST populate, named or *, in either status', async () => {
    for (const { source, attribute, target, plural } of cases()) {
      const id = sources.get(source)!;
      for (const query of [`populate[${attribute}]=true`, `populate[${attribute}]=true&status=draft`, 'populate=*', 'populate=*&status=draft']) {
        for (const url of [`/api/${plural}?${query}&filters[documentId][$eq]=${id}`, `/api/${plural}/${id}?${query}`]) {
          const res = await get(url);
          expect({ url, status: res.status, leaked: leaks(res.body, target) }).toEqual({ url, status: 200, leaked: [] });
        }
      }
    }
  });

  it('cannot tell a hidden row exists by filtering on it through a relation', async () => {
    for (const { source, attribute, target, plural } of cases()) {
      for (const hidden of caller().hidden(target)) {
        for (const status of ['', '&status=draft']) {
          const url = `/api/${plural}?filters[${attribute}][documentId][$eq]=${hidden}${status}`;
          const res = await get(url);
          expect({ url, status: res.status, found: res.body.data?.length }).toEqual({ url, status: 200, found: 0 });
        }
      }
      expect(sources.get(source)).toBeDefined();
    }
  });

  it('may not sort through a relation to rows it cannot all read', async () => {
    for (const { attribute, plural } of cases()) {
      const res = await get(`/api/${plural}?sort=${attribute}.documentId:asc`);
      expect({ attribute, status: res.status, name: res.body.error?.name }).toEqual({ attribute, status: 400, name: 'ValidationError' });
    }
  });

  it('reads no hidden row through a GraphQL nested field, and cannot filter on one', async () => {
    for (const { source, attribute, target } of cases()) {
      const field = camel(schemas()[source].info.pluralName);
      const status = hasDrafts(source) ? '(status: DRAFT)' : '';
      const nested = await graphql(`{ ${field}${status} { documentId ${attribute} { documentId } } }`);
      expect({ field, attribute, errors: nested.body.errors, leaked: leaks(nested.body, target) }).toEqual({ field, attribute, errors: undefined, leaked: [] });
      for (const hidden of caller().hidden(target)) {
        const filtered = await graphql(`{ ${field}(filters: { ${attribute}: { documentId: { eq: "${hidden}" } } }) { documentId } }`);
        expect({ field, attribute, errors: filtered.body.errors, data: filtered.body.data?.[field] }).toEqual({ field, attribute, errors: undefined, data: [] });
      }
    }
  });

  it('still reads what it may through the same relations', async () => {
    for (const { source, attribute, target, plural } of cases()) {
      const visible = [rows.get(target)!.draftOnly, rows.get(target)!.notDisclosed, rows.get(target)!.published].filter(
        (id): id is string => !!id && !caller().hidden(target).includes(id),
      );
      if (visible.length === 0) continue;
      const res = await get(`/api/${plural}/${sources.get(source)}?populate[${attribute}]=true`);
      expect(JSON.stringify(res.body)).toContain(visible[0]);
    }
  });
});

describe('our own read routes take the caller scope', () => {
  const DOCUMENT = 'api::normative-document.normative-document';
  const lifecycle = () => app.strapi.plugin('document-lifecycle').service('lifecycle') as {
    transition: (documentId: string, input: object, actor: { id: string }) => Promise<unknown>;
  };
  const publish = async (side: Side, extra: Record<string, unknown> = {}) =>
    createRecord(DOCUMENT, side, { title: `范围测试文件${Math.random().toString(36).slice(2, 8)}`, ...extra });
  const asCaller = (name: string) => callers.find((caller) => caller.name === name)!.headers;

  it('lists documents due for review only within the caller scope', async () => {
    const soon = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
    const ownDue = await publish('A', { validUntil: soon });
    const otherDue = await publish('B', { validUntil: soon });
    const bound = await request(app.server).get('/api/normative-documents/expiring?within=60').set(asCaller('a full-access token bound to another organization'));
    expect(bound.status).toBe(200);
    expect(JSON.stringify(bound.body)).toContain(ownDue);
    expect(JSON.stringify(bound.body)).not.toContain(otherDue);
  });

  it('answers GraphQL normativeDocumentsAsOf within the caller scope', async () => {
    const own = await publish('A');
    const others = await publish('B');
    const query = `{ normativeDocumentsAsOf(asOf: "2026-01-01", pageSize: 100) { documentId } }`;
    const bound = await request(app.server).post('/graphql').set(asCaller('a site user bound to another organization')).send({ query });
    expect(bound.body.errors).toBeUndefined();
    const ids = bound.body.data.normativeDocumentsAsOf.map((doc: { documentId: string }) => doc.documentId);
    expect(ids).toContain(own);
    expect(ids).not.toContain(others);
  });

  it('asks "is there a related row" of the rows the caller could read, on the relation itself, without a 5xx', async () => {
    const hidden = await publish('A', { disclosureMode: 'not_disclosed' });
    const source = await publish('A');
    await app.strapi.documents(DOCUMENT as never).update({ documentId: source, data: { basedOn: { connect: [hidden] } } as never });
    await app.strapi.documents(DOCUMENT as never).publish({ documentId: source });
    const ids = async (filter: string) => {
      const res = await request(app.server).get(`/api/normative-documents?${filter}&filters[documentId][$eq]=${source}`);
      expect({ filter, status: res.status }).toEqual({ filter, status: 200 });
      return res.body.data.map((doc: { documentId: string }) => doc.documentId);
    };
    // Its only basis is 不予公开: to the public it has none.
    expect(await ids('filters[basedOn][$null]=true')).toEqual([source]);
    expect(await ids('filters[basedOn][$notNull]=true')).toEqual([]);
    const hiddenRow = await app.strapi.db.query(DOCUMENT).findOne({ where: { documentId: hidden, publishedAt: { $notNull: true } }, select: ['id'] });
    expect(await ids(`filters[basedOn][$eq]=${hiddenRow.id}`)).toEqual([]);
    expect(await ids(`filters[basedOn][$in][0]=${hiddenRow.id}`)).toEqual([]);
    const not = await request(app.server).get('/api/normative-documents?filters[issuingOrganization][$not][name][$eq]=x');
    expect(not.status).toBe(400);
    expect(not.body.error.details.errors[0].path).toEqual(['filters', 'issuingOrganization', '$not']);
  });

  it('lets every caller that may list organizations and read documents read the tree and a history', async () => {
    // The bound callers are bound to A: B's documents are another organization's to them.
    const own = await publish('A');
    const others = await publish('B');
    for (const { name, headers } of callers) {
      const bound = name.includes('bound to another organization');
      const tree = await request(app.server).get('/api/organizations/tree').set(headers);
      const history = await request(app.server).get(`/api/normative-documents/${own}/history`).set(headers);
      const otherHistory = await request(app.server).get(`/api/normative-documents/${others}/history`).set(headers);
      expect({ name, tree: tree.status, history: history.status, otherHistory: otherHistory.status }).toEqual({
        name,
        tree: 200,
        history: 200,
        otherHistory: bound ? 404 : 200,
      });
    }
  });

  it('does not show a 不予公开 basis in a history, a last action or the links', async () => {
    const target = await publish('A');
    const basis = await publish('B', { disclosureMode: 'not_disclosed', documentNumber: '并隐发〔2024〕77号' });
    await lifecycle().transition(target, { action: 'repeal', basisDocumentId: basis, date: '2024-05-10' }, { id: 'system' });
    const history = await request(app.server).get(`/api/normative-documents/${target}/history`);
    expect(history.status).toBe(200);
    expect(history.body.meta.chain).toEqual({ valid: true });
    const document = await request(app.server).get(`/api/normative-documents/${target}`);
    expect(document.body.data.validity).toBe('repealed');
    expect(document.body.data.repealedBy).toEqual([]);
    for (const body of [history.body, document.body]) {
      expect(JSON.stringify(body)).not.toContain(basis);
      expect(JSON.stringify(body)).not.toContain('并隐发');
    }
  });
});
