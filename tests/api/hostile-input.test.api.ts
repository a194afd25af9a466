import fc from 'fast-check';
import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken, createOrganization } from '../harness/fixtures';
import { publishDocument } from '../harness/documents';

/**
 * Property-based: malformed query strings, bodies and GraphQL documents against every content-API
 * route the server has, anonymous and with a full-access token. Whatever arrives: no 5xx, every
 * REST refusal in Strapi's error envelope, and a refused request changes nothing in the database.
 * FUZZ_RUNS sets the number of cases per property (default 150).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

let app: TestInstance;
let token: string;
let routes: { method: string; path: string }[] = [];
const ids: string[] = [];
let cases = 0;

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
  const organization = await createOrganization(app.strapi);
  ids.push(organization.documentId, await publishDocument(app.strapi, { issuingOrganization: organization.documentId }));
  routes = app.strapi.server
    .listRoutes()
    .flatMap((layer) => (layer.methods as string[]).filter((method) => method !== 'HEAD').map((method) => ({ method, path: layer.path as string })))
    .filter((route) => route.path.startsWith('/api/'));
});

afterAll(async () => {
  if (process.env.CI_VERBOSE) console.log(`hostile input: ${cases} requests`);
  await app.stop();
});

/** Rows, highest id and latest update of every table the models use, join tables included. */
async function fingerprint(): Promise<string> {
  const tables = new Set<string>();
  for (const uid of [...Object.keys(app.strapi.contentTypes), ...Object.keys(app.strapi.components)]) {
    const meta = app.strapi.db.metadata.get(uid);
    tables.add(meta.tableName);
    for (const attribute of Object.values(meta.attributes) as { joinTable?: { name: string } }[]) if (attribute.joinTable) tables.add(attribute.joinTable.name);
  }
  const knex = app.strapi.db.connection;
  const parts: string[] = [];
  for (const table of [...tables].sort()) {
    const [row] = await knex(table).count({ n: '*' });
    parts.push(`${table}:${row.n}`);
  }
  return parts.join(',');
}

const WORDS = [
  'filters', 'sort', 'populate', 'fields', 'pagination', 'page', 'pageSize', 'start', 'limit', 'status', 'locale', '_q',
  'asOf', 'validity', 'organization', 'year', 'kind', 'topic', 'documentNumber', 'within', 'format', 'period', 'from', 'to',
  'title', 'name', 'code', 'id', 'documentId', 'publishedOn', 'sortOrder', 'issuingOrganization', 'basedOn', 'setupBasisDocuments',
  'sourceDocuments', 'children', 'parent', 'leaders', 'contact', 'disclosureMode', 'constructor', '__proto__', 'prototype',
  '$eq', '$ne', '$in', '$notIn', '$lt', '$gt', '$between', '$null', '$notNull', '$and', '$or', '$not', '$contains', '$foo', '*', '0', '1',
];
const values = () => fc.oneof(
  fc.constantFrom('', 'x', '-1', '0', '1e999', 'NaN', 'null', 'true', 'draft', 'published', 'asc', 'title:desc', '2024-02-30', '9999-99-99', '2026',
    '并政发〔2020〕12号', '\u0000', '%00', "'; drop table topics; --", '<script>', 'a'.repeat(300), '99999999999999999999', ...ids),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
);
type Tree = string | { [key: string]: Tree } | Tree[];
const tree = (): fc.Arbitrary<Tree> => fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    values(),
    fc.dictionary(fc.constantFrom(...WORDS), tie('node'), { maxKeys: 3 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

/** `a[b][0]=v` pairs, as qs reads them. */
function toQuery(value: Tree, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}=${encodeURIComponent(value)}`];
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return entries.flatMap(([key, item]) => toQuery(item, prefix ? `${prefix}[${encodeURIComponent(key)}]` : encodeURIComponent(key)));
}

const routePath = (path: string, id: string) => path.replace(/:[A-Za-z]+/g, id);
const route = () => fc.constantFrom(...routes);
const idOrJunk = () => fc.oneof(fc.constantFrom(...ids), values().filter((value) => value !== '' && !value.includes('/')));

function expectHandled(res: request.Response, label: string, graphql = false) {
  cases += 1;
  expect({ label, status: res.status < 500 ? 'handled' : res.status, body: res.status >= 500 ? res.body : undefined }).toEqual({ label, status: 'handled', body: undefined });
  if (graphql) {
    // GraphQL's own shape: `errors`, each with a message, beside any data.
    if (res.status >= 400) expect({ label, errors: res.body.errors }).toEqual({ label, errors: expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]) });
    return;
  }
  if (res.status >= 400 && res.type === 'application/json') {
    expect({ label, envelope: res.body }).toEqual({ label, envelope: expect.objectContaining({ data: null, error: expect.objectContaining({ status: res.status, name: expect.any(String), message: expect.any(String) }) }) });
  }
}

describe.each([
  ['anonymous', () => ({})],
  ['with a full-access token', () => ({ Authorization: `Bearer ${token}` })],
])('%s', (_name, headers) => {
  it('answers every malformed query string on every GET route without a 5xx, and changes nothing', async () => {
    // An export that runs is recorded in the export log, by design; nothing else may change.
    const unlogged = (print: string) => print.replace(/audit_export_records:\d+,/, '');
    const before = unlogged(await fingerprint());
    await fc.assert(
      fc.asyncProperty(route().filter((r) => r.method === 'GET'), idOrJunk(), tree(), async (r, id, query) => {
        const url = `${routePath(r.path, id)}?${toQuery(query).join('&')}`;
        expectHandled(await request(app.server).get(url).set(headers()), `GET ${url}`);
      }),
      { numRuns: RUNS },
    );
    expect(unlogged(await fingerprint())).toBe(before);
  });

  it('answers every malformed body on every write route without a 5xx; a refused write changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(route().filter((r) => r.method !== 'GET'), idOrJunk(), fc.oneof(tree(), fc.record({ data: tree() })), async (r, id, body) => {
        const before = await fingerprint();
        const url = routePath(r.path, id);
        const res = await request(app.server)[r.method.toLowerCase() as 'post'](url).set(headers()).send(body as object);
        expectHandled(res, `${r.method} ${url} ${JSON.stringify(body).slice(0, 200)}`);
        if (res.status >= 400) expect({ url, after: await fingerprint() }).toEqual({ url, after: before });
      }),
      { numRuns: RUNS },
    );
  });

  it('answers every malformed GraphQL document without a 5xx', async () => {
    const field = fc.constantFrom('normativeDocuments', 'normativeDocument', 'organizations', 'topics', 'policyInterpretations', 'documentId', 'title', 'name', 'basedOn', 'setupBasisDocuments', '__typename', '__schema', 'nope');
    const args = fc.constantFrom('', '(pagination: { limit: 100 })', '(filters: { title: { eq: "x" } })', '(filters: { title: { between: ["a"] } })', '(status: DRAFT)', '(documentId: "x")', '(pagination: { limit: -5 })', '(filters: { id: { eq: "abc" } })', '(sort: "nope")', '($x: Int)');
    const selection: fc.Arbitrary<string> = fc.letrec<{ set: string }>((tie) => ({
      set: fc
        .array(
          fc.oneof(
            { depthSize: 'small' },
            field,
            fc.tuple(fc.option(fc.constantFrom('a', 'b', 'c')), field, args, tie('set')).map(([alias, name, arg, set]) => `${alias ? `${alias}: ` : ''}${name}${arg} ${set}`),
            fc.constantFrom('...A', '...B', '... on Query { __typename }'),
          ),
          { minLength: 1, maxLength: 4 },
        )
        .map((items) => `{ ${items.join(' ')} }`),
    })).set;
    const document = fc.oneof(
      fc.tuple(selection, fc.option(selection), fc.option(selection)).map(([operation, a, b]) =>
        [`query Q ${operation}`, a ? `fragment A on Query ${a}` : '', b ? `fragment B on Query ${b}` : ''].join(' '),
      ),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('{', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }', 'mutation { deleteTopic(documentId: "x") { documentId } }', '{ '.repeat(3000)),
    );
    await fc.assert(
      fc.asyncProperty(document, fc.option(fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }))), async (query, variables) => {
        const res = await request(app.server).post('/graphql').set(headers()).send({ query, variables: variables ?? undefined });
        expectHandled(res, `graphql ${query.slice(0, 300)}`, true);
      }),
      { numRuns: RUNS },
    );
  });
});
