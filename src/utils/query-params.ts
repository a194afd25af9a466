import { chinaToday, isIsoDate, type IsoDate } from '../domain/dates';
import { VALIDITIES, type Validity } from '../domain/lifecycle';
import { fieldError } from './errors';

/** `asOf`: a real calendar date, not after today in China. */
export function asOfParam(value: unknown, name = 'asOf'): IsoDate {
  if (!isIsoDate(value)) throw fieldError(name, 'must be a calendar date (YYYY-MM-DD)', value);
  if (value > chinaToday(new Date())) throw fieldError(name, 'must not be in the future', value);
  return value;
}

/** `validity`: one of the lifecycle states. */
export function validityParam(value: unknown, name = 'validity'): Validity {
  if (!(VALIDITIES as unknown[]).includes(value)) throw fieldError(name, `must be one of ${VALIDITIES.join(', ')}`, value);
  return value as Validity;
}
