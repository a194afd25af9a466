import { documentIdOf, readRouteInput, yup } from '../../../../utils/route-input';
import type { TransitionInput } from './services/lifecycle';

const FIELDS = ['action', 'date', 'basisDocumentId', 'basisReference', 'reason', 'validUntil'] as const;

/** Text up to `max` characters, or absent, or null. */
const text = (max: number) =>
  yup
    .mixed<string>()
    .nullable()
    .test('text', 'must be text', (value) => value === undefined || value === null || typeof value === 'string')
    .test('length', `must be at most ${max} characters`, (value) => typeof value !== 'string' || value.length <= max);

/** A date field's type; whether the date exists and fits the document is the lifecycle's rule to say. */
const dateText = () =>
  yup
    .mixed<string>()
    .nullable()
    .test('date', 'must be a calendar date (YYYY-MM-DD)', (value) => value === undefined || value === null || typeof value === 'string');

const TRANSITION_BODY = yup.object({
  action: yup.mixed<string>().test('action', 'is required', (value) => typeof value === 'string' && value !== ''),
  date: dateText(),
  basisDocumentId: documentIdOf('a published document').nullable(),
  // The event's column holds 255 characters: a 文号 or the name of a meeting and its date.
  basisReference: text(255),
  reason: text(2000),
  validUntil: dateText(),
});

/**
 * A transition as the content API (`{ data: {…} }` or the fields alone) and the admin panel send
 * it: only its own fields, each of the right type, the first problem a 400 naming it.
 */
export function readTransitionInput(body: unknown): TransitionInput {
  const wrapped = body !== null && typeof body === 'object' && !Array.isArray(body) && 'data' in body ? (body as { data: unknown }).data : body;
  return readRouteInput<TransitionInput>(TRANSITION_BODY, wrapped ?? {}, { keys: FIELDS, message: 'is not a field of a transition' });
}
