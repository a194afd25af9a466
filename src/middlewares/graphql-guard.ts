import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { parse, type DocumentNode } from 'graphql';
import { fragmentCycle, unknownFragment } from '../utils/graphql-limits';

/** The JSON types the GraphQL plugin's body parser (koa-bodyparser) reads as JSON. */
const JSON_TYPES = ['application/json', 'application/json-patch+json', 'application/vnd.api+json', 'application/csp-report', 'application/scim+json'];

/** As the GraphQL plugin's body parser (koa-bodyparser's JSON default). */
const MAX_BODY_BYTES = 1024 * 1024;

const graphqlError = (ctx: Context, status: number, message: string, code: string) => {
  ctx.status = status;
  ctx.body = { errors: [{ message, extensions: { code } }] };
};

/**
 * Strapi's body parser leaves the GraphQL endpoint to the plugin's own, which runs after this:
 * the JSON body is read here, and the plugin's parser skips a body already read.
 */
async function readJson(ctx: Context): Promise<{ ok: true; body: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` };
    chunks.push(chunk);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
}

/**
 * Refuses a GraphQL document whose fragments spread each other in a cycle, or spread a fragment
 * it does not define, before the GraphQL server sees it: the plugin's depth limit runs ahead of
 * GraphQL's own checks and follows the spreads until the stack overflows (or into nothing).
 * Everything else is the validation rules' job.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const endpoint = () => (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';
  const maxTokens = () => (strapi.config.get('plugin::graphql.apolloServer.parseOptions.maxTokens') as number | undefined) ?? 5000;

  return async (ctx: Context, next: Next) => {
    if (ctx.path !== endpoint()) return next();
    if (ctx.method === 'POST' && ctx.is(JSON_TYPES) && ctx.request.body === undefined) {
      const read = await readJson(ctx);
      if (!read.ok) return graphqlError(ctx, read.status, read.message, 'BAD_REQUEST');
      ctx.request.body = read.body;
    }
    const body = ctx.request.body as { query?: unknown } | undefined;
    const query = ctx.method === 'GET' ? ctx.query.query : body?.query;
    if (typeof query !== 'string') return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: maxTokens() });
    } catch {
      return next(); // The GraphQL server answers syntax errors itself.
    }
    const unknown = unknownFragment(document);
    if (unknown) return graphqlError(ctx, 400, `Unknown fragment "${unknown}".`, 'GRAPHQL_VALIDATION_FAILED');
    const cycle = fragmentCycle(document);
    if (!cycle) return next();
    const via = cycle.slice(1, -1).map((name) => `"${name}"`).join(', ');
    graphqlError(ctx, 400, `Cannot spread fragment "${cycle[0]}" within itself${via ? ` via ${via}` : ''}.`, 'GRAPHQL_VALIDATION_FAILED');
  };
};
