import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import type { PublicCacheConfig } from './config';
import { PLUGIN_ID } from './constants';
import { noneMatch } from './http';
import { cacheHeaders } from './middleware';
import type { CacheService } from './services';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Sends an answer the cache holds straight from the HTTP server, before Koa and its middlewares
 * run: a held answer needs none of them, since it carries the headers they gave it. Anything else
 * (a miss, a request with credentials, every other method or path) goes to Strapi as before.
 * Answers sent from here are not in Strapi's request log; the proxy in front logs every request.
 */
export function installFastPath(strapi: Core.Strapi, cache: CacheService): () => void {
  const server = strapi.server.httpServer as Server;
  const [strapiListener] = server.listeners('request') as Listener[];
  if (!strapiListener) return () => undefined;
  const settings = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as PublicCacheConfig;

  const fastListener: Listener = (request, response) => {
    const { method } = request;
    if ((method === 'GET' || method === 'HEAD') && !request.headers.authorization && settings().enabled) {
      const now = Date.now();
      const key = cache.keys().rest(request.url ?? '/', request.headers.origin, now);
      const entry = key ? cache.get(key) : undefined;
      if (entry) {
        const headers = { ...entry.headers, ...cacheHeaders(entry, new Date(now), settings(), 'hit') };
        if (noneMatch(request.headers['if-none-match'], entry.etag)) {
          response.writeHead(304, headers);
          response.end();
          return;
        }
        response.writeHead(200, { ...headers, 'Content-Length': entry.body.length });
        response.end(method === 'HEAD' ? undefined : entry.body);
        return;
      }
    }
    strapiListener.call(server, request, response);
  };

  server.removeListener('request', strapiListener);
  server.on('request', fastListener);
  return () => {
    server.removeListener('request', fastListener);
    server.on('request', strapiListener);
  };
}
