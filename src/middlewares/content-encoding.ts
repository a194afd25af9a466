import type { Context, Next } from 'koa';

/**
 * Request bodies are taken as sent. A compressed body that does not inflate made the body parser
 * fail with a 500; the API has no use for compressed uploads, so any Content-Encoding but
 * identity is a 415 before parsing starts.
 */
export default () => async (ctx: Context, next: Next) => {
  const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
  if (encoding && encoding !== 'identity' && ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    ctx.status = 415;
    ctx.body = {
      data: null,
      error: { status: 415, name: 'UnsupportedMediaTypeError', message: `Content-Encoding ${encoding} is not accepted: send the body uncompressed`, details: {} },
    };
    return;
  }
  return next();
};
