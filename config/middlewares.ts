import type { Core } from '@strapi/strapi';
import { allowedOrigins } from '../src/utils/cors';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'global::error-envelope',
  // Public REST reads held in memory are sent from here, with the headers the middlewares below
  // gave them when they were computed.
  'plugin::public-cache.rest',
  'global::sign-in-limit',
  'global::secure-cookies',
  'strapi::security',
  'global::no-origin',
  {
    name: 'strapi::cors',
    // An origin not listed gets no CORS headers at all; the list is never reflected back.
    config: {
      origin: allowedOrigins(env('CORS_ORIGINS', ''), env('PUBLIC_URL', '')),
      credentials: true,
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-Match'],
      expose: ['ETag'],
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'global::content-encoding',
  'strapi::body',
  'global::request-guard',
  'global::graphql-guard',
  // GraphQL queries, once the guard above has read and checked their body.
  'plugin::public-cache.graphql',
  'global::document-versions',
  'strapi::session',
  { name: 'strapi::favicon', config: { path: 'public/favicon.png' } },
  'strapi::public',
];

export default config;
