import type { Context, Next } from 'koa';
import { STATUS_CODES } from 'http';

const isEnvelope = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'error' in body && typeof (body as { error: unknown }).error === 'object';

const errorName = (status: number) => `${(STATUS_CODES[status] ?? 'Error').replace(/[^A-Za-z]/g, '')}Error`.replace(/ErrorError$/, 'Error');

/**
 * Some of Strapi's own content-API routes answer a refusal with a body of their own
 * (`{ "error": "contentType.notFound" }`) or in plain text. Clients read one shape: such an
 * answer is put in Strapi's error envelope, its text kept as the message.
 */
export default () => async (ctx: Context, next: Next) => {
  await next();
  if (!ctx.path.startsWith('/api/') || ctx.status < 400) return;
  if (isEnvelope(ctx.body)) {
    // The Content-Type Builder answers `{ error: { name, message, details } }`: completed with
    // Strapi's `data: null` and the status, the rest kept.
    const body = ctx.body as { data?: unknown; error: Record<string, unknown> };
    if (!('data' in body) || body.error.status === undefined) {
      const status = ctx.status;
      ctx.body = { data: null, ...body, error: { status, ...body.error } };
      ctx.status = status;
    }
    return;
  }
  const original = ctx.body as unknown;
  // A plain-text refusal or `{ error: "…" }`; other bodies (a health probe's answer) are a route's own.
  let message: string;
  if (original === undefined || original === null) message = STATUS_CODES[ctx.status] ?? 'Error';
  else if (typeof original === 'string') message = original;
  else if (typeof original === 'object' && original !== null && typeof (original as { error?: unknown }).error === 'string') message = (original as { error: string }).error;
  else return;
  const status = ctx.status;
  ctx.body = { data: null, error: { status, name: errorName(status), message, details: {} } };
  ctx.status = status;
};
