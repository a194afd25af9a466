import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken, createOrganization } from '../harness/fixtures';
import { createDocumentDraft, publishDocument } from '../harness/documents';

let app: TestInstance;
let token: string;
let organization: { documentId: string };

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
  organization = await createOrganization(app.strapi);
});

afterAll(async () => {
  await app.stop();
});

function graphql(query: string, variables: Record<string, unknown> = {}, bearer?: string) {
  const req = request(app.server).post('/graphql');
  if (bearer) req.set('Authorization', `Bearer ${bearer}`);
  return req.send({ query, variables });
}

describe('GraphQL', () => {
  it('gives the public only published, disclosable documents, even when it asks for drafts', async () => {
    const published = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '公开的文件' });
    await createDocumentDraft(app.strapi, { issuingOrganization: organization.documentId, title: '草稿' });
    const hidden = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '不予公开', disclosureMode: 'not_disclosed' });

    for (const status of ['DRAFT', 'PUBLISHED']) {
      const res = await graphql(`query { normativeDocuments(status: ${status}, pagination: { limit: 50 }) { documentId title validity validityLabel } }`);
      expect(res.status).toBe(200);
      expect(res.body.data.normativeDocuments).toEqual([{ documentId: published, title: '公开的文件', validity: 'in_force', validityLabel: '现行有效' }]);
    }
    const one = await graphql(`query { normativeDocument(documentId: "${hidden}") { title } }`);
    expect(one.body.data.normativeDocument).toBeNull();

    const asWriter = await graphql(`query { normativeDocuments(status: DRAFT, pagination: { limit: 50 }) { title } }`, {}, token);
    expect(asWriter.body.data.normativeDocuments.map((d: { title: string }) => d.title)).toContain('草稿');
  });

  it('runs a transition as a mutation, linking both documents, and reads the history', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '被修改的办法' });
    const basis = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '关于修改的决定', documentNumber: '并测改〔2024〕1号', adoptedOn: '2024-04-01', effectiveFrom: '2024-04-02' });
    const mutation = `mutation($id: ID!, $basis: ID) {
      transitionNormativeDocument(documentId: $id, action: "amend", basisDocumentId: $basis, date: "2024-04-02") {
        documentId validity validityLabel amendedBy { documentId documentNumber } lastAction { action label date }
      }
    }`;

    const anonymous = await graphql(mutation, { id: target, basis });
    expect(anonymous.body.errors[0]).toMatchObject({ message: 'Forbidden access', extensions: { error: { name: 'ForbiddenError' } } });

    const res = await graphql(mutation, { id: target, basis }, token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.transitionNormativeDocument).toEqual({
      documentId: target,
      validity: 'amended',
      validityLabel: '已修改',
      amendedBy: [{ documentId: basis, documentNumber: '并测改〔2024〕1号' }],
      lastAction: { action: 'amend', label: '修改', date: '2024-04-02' },
    });

    const links = await graphql(`query { normativeDocument(documentId: "${basis}") { amends { documentId validity } } }`);
    expect(links.body.data.normativeDocument.amends).toEqual([{ documentId: target, validity: 'amended' }]);

    const history = await graphql(`query { normativeDocumentHistory(documentId: "${target}") { chainValid events { sequence action to basisNumber } } }`);
    expect(history.body.data.normativeDocumentHistory).toEqual({
      chainValid: true,
      events: [
        { sequence: 1, action: 'register', to: 'pending', basisNumber: null },
        { sequence: 2, action: 'enter_into_force', to: 'in_force', basisNumber: null },
        { sequence: 3, action: 'amend', to: 'amended', basisNumber: '并测改〔2024〕1号' },
      ],
    });
  });

  it('refuses an invalid transition with the rule’s message and changes nothing', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: organization.documentId });
    const res = await graphql(`mutation { transitionNormativeDocument(documentId: "${target}", action: "expire", date: "2024-05-01") { validity } }`, {}, token);
    expect(res.body.errors[0].message).toBe('date must be after the end of the term 2099-12-31');
    const rule = await graphql(`mutation { transitionNormativeDocument(documentId: "${target}", action: "enter_into_force", date: "2024-05-01") { validity } }`, {}, token);
    expect(rule.body.errors[0].message).toBe('cannot enter_into_force a document that is in_force (现行有效)');
    const doc = await graphql(`query { normativeDocument(documentId: "${target}") { validity } }`);
    expect(doc.body.data.normativeDocument.validity).toBe('in_force');
  });

  it('answers what was in force on a date', async () => {
    const org = await createOrganization(app.strapi);
    const target = await publishDocument(app.strapi, { issuingOrganization: org.documentId, adoptedOn: '2023-01-05', publishedOn: '2023-01-10', effectiveFrom: '2023-02-01' });
    await app.strapi.plugin('document-lifecycle').service('lifecycle').transition(target, { action: 'repeal', date: '2025-03-01', basisReference: '并政办发〔2025〕3号' }, { id: 'system' });
    const query = `query($asOf: String!, $org: ID) { normativeDocumentsAsOf(asOf: $asOf, organization: $org) { documentId validity validityLabel } }`;
    const before = await graphql(query, { asOf: '2024-06-30', org: org.documentId });
    expect(before.body.data.normativeDocumentsAsOf).toEqual([{ documentId: target, validity: 'in_force', validityLabel: '现行有效' }]);
    const after = await graphql(query, { asOf: '2025-06-30', org: org.documentId });
    expect(after.body.data.normativeDocumentsAsOf).toEqual([{ documentId: target, validity: 'repealed', validityLabel: '已废止' }]);
    const bad = await graphql(query, { asOf: '2025-02-30', org: org.documentId });
    expect(bad.body.errors[0]).toMatchObject({ message: 'asOf must be a calendar date (YYYY-MM-DD)', extensions: { error: { name: 'ValidationError' } } });
    const kind = await graphql('query { normativeDocumentsAsOf(asOf: "2025-06-30", kind: "bogus") { documentId } }');
    expect(kind.body.errors[0]).toMatchObject({ message: 'kind must be one of regulation, normative_document, policy_document', extensions: { error: { name: 'ValidationError' } } });
  });

  it('exposes no generated query or mutation for lifecycle events', async () => {
    const res = await graphql('{ q: __type(name: "Query") { fields { name } } m: __type(name: "Mutation") { fields { name } } }');
    const names = [...res.body.data.q.fields, ...res.body.data.m.fields].map((f: { name: string }) => f.name);
    expect(names.filter((name) => /lifecycleEvent/i.test(name))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['normativeDocumentHistory', 'transitionNormativeDocument', 'normativeDocumentsAsOf']));
  });

  it('refuses to write validity through a GraphQL mutation', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: organization.documentId });
    const res = await graphql(`mutation { updateNormativeDocument(documentId: "${target}", data: { validity: repealed }) { validity } }`, {}, token);
    expect(res.body.errors[0]).toMatchObject({
      message: 'validity is maintained by the document lifecycle; run a transition instead',
      extensions: { error: { name: 'ValidationError' } },
    });
  });
});
