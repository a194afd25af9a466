/**
 * A refusal by a legal rule: a stable code, the field it concerns, and the HTTP status it maps to
 * (400 for input, 409 for a step the state does not allow). The lifecycle's and the requests'
 * refusals are both of this kind, and are answered in Strapi's envelope the same way.
 */
export class RuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string,
    readonly status: 400 | 409 = 400,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleError';
  }
}
