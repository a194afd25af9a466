'use strict';
// One Gongkai instance of the cluster test, in a process of its own (forked with IPC): compiled
// app, production mode, its PORT and the cluster's database and secrets from the environment.
// It tells the parent when it listens, and does what the parent asks of its Strapi: prepare data
// the way an editor would, and run the daily lifecycle run.
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');
const UID = 'api::normative-document.normative-document';

async function main() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), serveAdminPanel: false, autoReload: false });
  await strapi.load();
  await strapi.listen();

  const handlers = {
    async setup(args) {
      const token = await strapi.service('admin::api-token').create({ name: 'cluster-test', description: '', type: 'full-access', lifespan: null });
      const organization = await strapi.documents('api::organization.organization').create({
        data: { name: '太原市集群测试局', shortName: '集群测试局', code: args.code, level: 'city', kind: 'government_department' },
      });
      return { accessKey: token.accessKey, organization: organization.documentId };
    },

    /** Documents in force whose term has ended by today: the daily run expires them. */
    async termsEnded({ organization, count, tag }) {
      const ids = [];
      for (let i = 0; i < count; i += 1) {
        const draft = await strapi.documents(UID).create({
          data: {
            title: `太原市集群测试办法${tag}-${i}`,
            documentNumber: `并集发〔2024〕${tag + i}号`,
            kind: 'normative_document',
            issuingOrganization: organization,
            adoptedOn: '2020-01-10',
            publishedOn: '2020-01-15',
            effectiveFrom: '2020-02-01',
            validUntil: '2099-12-31',
            disclosureMode: 'proactive',
          },
        });
        await strapi.documents(UID).publish({ documentId: draft.documentId });
        ids.push(draft.documentId);
      }
      // As if the years had passed: the term ended on 2021-01-31.
      await strapi.db.query(UID).updateMany({ where: { documentId: { $in: ids } }, data: { validUntil: '2021-01-31' } });
      return ids;
    },

    daily({ date }) {
      return strapi.plugin('document-lifecycle').service('lifecycle').daily(date);
    },

    tick({ date }) {
      return strapi.plugin('document-lifecycle').service('lifecycle').tick(date);
    },

    async events({ documentIds, action }) {
      return strapi.db.query('plugin::document-lifecycle.lifecycle-event').count({ where: { document: { $in: documentIds }, action } });
    },
  };

  process.on('message', async ({ id, name, args }) => {
    try {
      process.send({ id, result: (await handlers[name](args)) ?? null });
    } catch (error) {
      process.send({ id, error: error.stack || String(error) });
    }
  });
  process.send({ ready: true, port: strapi.server.httpServer.address().port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
