import { findLifecycleTypes, type ContentTypeLike } from '../../../src/plugins/document-lifecycle/server/src/document-types';

const date = { type: 'date' };
const complete = (): ContentTypeLike => ({
  options: { draftAndPublish: true },
  pluginOptions: { 'document-lifecycle': { enabled: true } },
  attributes: {
    title: { type: 'string' },
    documentNumber: { type: 'string' },
    indexNumber: { type: 'string' },
    kind: { type: 'enumeration', enum: ['regulation'] },
    adoptedOn: date,
    publishedOn: date,
    effectiveFrom: date,
    validUntil: date,
    noLongerInForceOn: date,
    validity: { type: 'enumeration', enum: ['pending', 'in_force', 'amended', 'repealed', 'expired'] },
    issuingOrganization: { type: 'relation', relation: 'manyToOne', target: 'api::organization.organization' },
  },
});

it('finds the types that enable the lifecycle in their plugin options, and only those', () => {
  const off = complete();
  off.pluginOptions = { 'document-lifecycle': { enabled: false } };
  const silent = complete();
  silent.pluginOptions = {};
  expect(findLifecycleTypes({ 'api::article.article': complete(), 'api::note.note': off, 'api::page.page': silent, 'api::gone.gone': undefined })).toEqual([
    'api::article.article',
  ]);
});

it.each([
  ['draft and publish off', (t: ContentTypeLike) => (t.options = {}), 'draft and publish must be on'],
  ['no validUntil', (t: ContentTypeLike) => delete t.attributes.validUntil, 'attribute "validUntil" is missing (a date)'],
  ['validity without repealed', (t: ContentTypeLike) => (t.attributes.validity = { type: 'enumeration', enum: ['in_force'] }), 'attribute "validity" must be an enumeration of pending, in_force, amended, repealed, expired'],
  ['an issuer that is text', (t: ContentTypeLike) => (t.attributes.issuingOrganization = { type: 'string' }), 'attribute "issuingOrganization" must be a to-one relation to api::organization.organization'],
  ['a misspelt option', (t: ContentTypeLike) => (t.pluginOptions = { 'document-lifecycle': { enable: true } }), 'pluginOptions["document-lifecycle"] has an unknown key "enable" (its only option is "enabled")'],
  ['enabled: "yes"', (t: ContentTypeLike) => (t.pluginOptions = { 'document-lifecycle': { enabled: 'yes' } }), 'pluginOptions["document-lifecycle"].enabled must be true or false'],
])('refuses a type that enables it with %s, saying why', (_label, spoil, message) => {
  const type = complete();
  spoil(type);
  expect(() => findLifecycleTypes({ 'api::article.article': type })).toThrow(message);
});

it('names every problem at once', () => {
  const type = complete();
  delete type.attributes.kind;
  delete type.attributes.indexNumber;
  expect(() => findLifecycleTypes({ 'api::article.article': type })).toThrow(
    'api::article.article enables document-lifecycle, but: attribute "indexNumber" is missing (a string); attribute "kind" is missing (an enumeration)',
  );
});
