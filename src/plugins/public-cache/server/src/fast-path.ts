import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import type { PublicCacheConfig } from './config';
import { PLUGIN_ID } from './constants';
import { noneMatch, publicCacheControl } from './http';
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
  // The configuration is complete once the server runs.
  const settings = strapi.config.get(`plugin::${PLUGIN_ID}`) as PublicCacheConfig;
  const keys = cache.keys();

  const fastListener: Listener = (request, response) => {
    const { method } = request;
    if ((method === 'GET' || method === 'HEAD') && request.headers.authorization === undefined && settings.enabled) {
      const now = Date.now();
      const key = keys.rest(request.url ?? '/', request.headers.origin, now);
      const entry = key ? cache.get(key) : undefined;
      if (entry) {
        response.setHeader('Cache-Control', publicCacheControl(new Date(now), settings.maxAge, settings.staleWhileRevalidate));
        if (request.headers['if-none-match'] !== undefined && noneMatch(request.headers['if-none-match'], entry.etag)) {
          const { 'Content-Length': _length, ...headers } = entry.wire;
          response.writeHead(304, headers);
          response.end();
          return;
        }
        response.writeHead(200, entry.wire);
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
