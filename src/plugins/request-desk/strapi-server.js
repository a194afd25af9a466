'use strict';
// Strapi loads this file, never TypeScript: the server is compiled with the app into dist/.
module.exports = require('../../../dist/src/plugins/request-desk/server/src').default;
