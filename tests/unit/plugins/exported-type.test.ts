import type { Core } from '@strapi/strapi';
import { exportedTypeOptions } from '../../../src/plugins/audit-export/server/src/exported-type';

const schemas: Record<string, object> = {
  'api::doc.doc': {
    attributes: { explainers: { type: 'relation', target: 'api::explainer.explainer', mappedBy: 'docs' }, title: { type: 'string' } },
    pluginOptions: { 'audit-export': { interpretations: 'explainers' } },
  },
  'api::explainer.explainer': { options: { draftAndPublish: true }, attributes: { publishedOn: { type: 'date' }, timely: { type: 'boolean' } } },
  'api::note.note': { options: { draftAndPublish: false }, attributes: { publishedOn: { type: 'string' } } },
};
const strapiWith = (doc: object) => ({ contentType: (uid: string) => (uid === 'api::doc.doc' ? doc : schemas[uid]) }) as unknown as Core.Strapi;
const doc = (options: object, attributes: object = {}) => ({ attributes: { ...(schemas['api::doc.doc'] as { attributes: object }).attributes, ...attributes }, pluginOptions: { 'audit-export': options } });

it('reads the relation to the interpretations each row counts', () => {
  expect(exportedTypeOptions(strapiWith(schemas['api::doc.doc']), 'api::doc.doc')).toEqual({ interpretations: 'explainers' });
  expect(exportedTypeOptions(strapiWith(doc({})), 'api::doc.doc')).toEqual({});
});

it.each([
  [{ interpretation: 'explainers' }, 'api::doc.doc: pluginOptions["audit-export"].interpretation is not an option (interpretations is)'],
  [{ interpretations: 'title' }, 'api::doc.doc: pluginOptions["audit-export"].interpretations must name a relation attribute of the type'],
  [{ interpretations: 'nowhere' }, 'must name a relation attribute of the type'],
])('refuses %j, saying why', (options, message) => {
  expect(() => exportedTypeOptions(strapiWith(doc(options)), 'api::doc.doc')).toThrow(message);
});

it('says what the interpretations type lacks', () => {
  const notes = doc({ interpretations: 'notes' }, { notes: { type: 'relation', target: 'api::note.note' } });
  expect(() => exportedTypeOptions(strapiWith(notes), 'api::doc.doc')).toThrow(
    'api::doc.doc: the interpretations of "notes" (api::note.note) need draft and publish, a publishedOn date, a timely boolean',
  );
});
