import type { Core } from '@strapi/strapi';
import { operationLimitsRule } from '../src/utils/graphql-limits';
import { assertProductionSecrets } from '../src/utils/secrets';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.*',
  'application/ofd',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  assertProductionSecrets(process.env);
  const production = env('NODE_ENV') === 'production';
  const graphqlPages = { defaultPageSize: 25, maxPageSize: 100 };
  return {
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
        jwtManagement: 'refresh',
        sessions: {
          httpOnly: true,
        },
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // Without maxLimit a client can ask for every row at once.
        defaultLimit: graphqlPages.defaultPageSize,
        maxLimit: graphqlPages.maxPageSize,
        depthLimit: env.int('GRAPHQL_MAX_DEPTH', 10),
        landingPage: !production,
        apolloServer: {
          // The server's CORS rule (config/middlewares.ts) covers /graphql too; the GraphQL
          // plugin's own would answer any origin.
          cors: false,
          // The schema is public knowledge in development; in production it is not handed out.
          introspection: env.bool('GRAPHQL_INTROSPECTION', !production),
          // "Did you mean …?" in errors spells out the schema too.
          hideSchemaDetailsFromClientErrors: !env.bool('GRAPHQL_SUGGESTIONS', !production),
          parseOptions: { maxTokens: env.int('GRAPHQL_MAX_TOKENS', 5000) },
          validationRules: [
            operationLimitsRule({
              ...graphqlPages,
              maxAliases: env.int('GRAPHQL_MAX_ALIASES', 30),
              maxCost: env.int('GRAPHQL_MAX_COST', 10000),
            }),
          ],
        },
      },
    },
    // Before every other plugin: its Document Service middleware must see a request first, so a
    // refusal for another organization's content comes before any other rule's answer.
    'organization-access': {
      enabled: true,
      resolve: './src/plugins/organization-access',
    },
    'document-lifecycle': {
      enabled: true,
      resolve: './src/plugins/document-lifecycle',
      config: {
        // 有效期: 5 years, 2 for 试行/暂行 documents; set per jurisdiction.
        term: { years: 5, provisionalYears: 2, provisionalMarkers: ['试行', '暂行'] },
        cron: { enabled: env.bool('LIFECYCLE_CRON', true), rule: env('LIFECYCLE_CRON_RULE', '5 0 * * *') },
        reviewWindowDays: 180,
        indexSerialDigits: 5,
      },
    },
    'publishing-ratios': {
      enabled: true,
      resolve: './src/plugins/publishing-ratios',
      config: {
        // 太原 2020: 多样化方式解读 ≥ 70%, 在其他渠道发布 ≥ 50%; other cities set other figures.
        thresholds: { diverse: env.float('RATIO_DIVERSE_THRESHOLD', 0.7), offWebsite: env.float('RATIO_OFF_WEBSITE_THRESHOLD', 0.5) },
        period: env('RATIO_PERIOD', 'year'),
        enforcement: env('RATIO_ENFORCEMENT', 'warn'),
      },
    },
    // The admin's desk for requests for disclosure (依申请公开): the case view and the due list.
    'request-desk': {
      enabled: true,
      resolve: './src/plugins/request-desk',
    },
    'audit-export': {
      enabled: true,
      resolve: './src/plugins/audit-export',
      config: {
        publicPath: env('PUBLIC_DOCUMENT_PATH', '/zhengce/{slug}'),
        maxConcurrent: env.int('AUDIT_EXPORT_MAX_CONCURRENT', 2),
        requests: 'api::disclosure-request.disclosure-request',
      },
    },
    'public-cache': {
      enabled: true,
      resolve: './src/plugins/public-cache',
      config: {
        enabled: env.bool('PUBLIC_CACHE', true),
        maxBytes: env.int('PUBLIC_CACHE_MAX_BYTES', 64 * 1024 * 1024),
        // What a CDN or browser in front may keep: the cache here is emptied by every write, a
        // CDN only by time.
        maxAge: env.int('PUBLIC_CACHE_MAX_AGE', 10),
        staleWhileRevalidate: env.int('PUBLIC_CACHE_STALE_WHILE_REVALIDATE', 30),
      },
    },
    upload: {
      config: {
        security: {
          allowedTypes: allowedMediaTypes,
          deniedTypes,
        },
      },
    },
  };
};

export default config;
