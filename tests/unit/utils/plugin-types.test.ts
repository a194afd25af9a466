import { findInterpretationTypes } from '../../../src/plugins/publishing-ratios/server/src/interpretation-type';
import { theEnabledType } from '../../../src/utils/plugin-types';

const interpretation = () => ({
  options: { draftAndPublish: true },
  pluginOptions: { 'publishing-ratios': { enabled: true } },
  attributes: {
    organization: { type: 'relation', relation: 'manyToOne', target: 'api::organization.organization' },
    publishedOn: { type: 'date' },
    diverseForm: { type: 'boolean' },
    beyondWebsite: { type: 'boolean' },
    publicationWarnings: { type: 'json' },
  },
});

it('finds the type of interpretations the ratios count from its plugin options', () => {
  expect(findInterpretationTypes({ 'api::explainer.explainer': interpretation(), 'api::page.page': { attributes: {} } })).toEqual(['api::explainer.explainer']);
});

it('says what a type enabling the ratios lacks', () => {
  const type = interpretation();
  type.attributes.diverseForm = { type: 'string' };
  expect(() => findInterpretationTypes({ 'api::explainer.explainer': type })).toThrow(
    'api::explainer.explainer enables publishing-ratios, but: attribute "diverseForm" must be a boolean',
  );
});

it.each([
  [[], 'publishing-ratios: no content type enables it; set pluginOptions["publishing-ratios"] = { "enabled": true } in the schema of the interpretations'],
  [['api::a.a', 'api::b.b'], 'publishing-ratios serves one content type, but api::a.a and api::b.b enable it'],
])('refuses %j where one type is served', (types, message) => {
  expect(() => theEnabledType('publishing-ratios', types, 'the interpretations')).toThrow(message);
});

it('takes the one type that enables it', () => {
  expect(theEnabledType('publishing-ratios', ['api::a.a'], 'the interpretations')).toBe('api::a.a');
});
