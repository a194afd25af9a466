import { ruleErrorToHttp } from '../../../../utils/errors';

/** Turns a rule's refusal into Strapi's error envelope: 409 for the state machine, 400 naming the field for input. */
export const toHttpError = (error: unknown): unknown => ruleErrorToHttp(error);
