import { formats } from '@strapi/logger';

// LOG_LEVEL=warn keeps test output readable; `http` also logs every request, Strapi's default.
export default {
  level: process.env.LOG_LEVEL || 'http',
  format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
};
