import type { Core } from '@strapi/strapi';
import { chinaToday } from '../domain/dates';
import { DEMO_DOCUMENTS, DEMO_TRANSITIONS, demoDocument } from './demo-documents';
import { DEMO_ORGANIZATIONS } from './demo-organizations';
import type { LifecycleService } from '../plugins/document-lifecycle/server/src/services';
import { SYSTEM } from '../plugins/document-lifecycle/server/src/services/lifecycle';

export interface SeedReport {
  created: number;
  existing: number;
}

/** Demo sign-in listed in the README; never created in production. */
export const DEMO_ADMIN = {
  email: 'admin@demo.gongkai.local',
  password: 'Gongkai-Demo-2026',
  firstname: '演示',
  lastname: '管理员',
} as const;

async function seedDemoAdmin(strapi: Core.Strapi, report: SeedReport): Promise<void> {
  if (process.env.NODE_ENV === 'production') return;
  const users = strapi.db.query('admin::user');
  if (await users.findOne({ where: { email: DEMO_ADMIN.email } })) {
    report.existing += 1;
    return;
  }
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    ...DEMO_ADMIN,
    isActive: true,
    roles: [superAdmin.id],
  });
  report.created += 1;
}

/**
 * Loads the Taiyuan demo data. Records are matched by their natural key (an organization's code),
 * so a second run creates nothing and never overwrites what editors have changed since. Demo
 * sign-ins are created outside production only.
 */
export async function seedDemo(strapi: Core.Strapi): Promise<SeedReport> {
  const organizations = strapi.documents('api::organization.organization');
  const documentIdByCode = new Map<string, string>();
  const report: SeedReport = { created: 0, existing: 0 };

  // Parents come before their children in the list, so each parent is known when it is needed.
  for (const { parent, ...fields } of DEMO_ORGANIZATIONS) {
    const [found] = await organizations.findMany({ filters: { code: fields.code }, fields: ['documentId'], limit: 1 });
    if (found) {
      documentIdByCode.set(fields.code, found.documentId);
      report.existing += 1;
      continue;
    }
    const created = await organizations.create({
      data: { ...fields, parent: parent ? documentIdByCode.get(parent) : null },
    });
    documentIdByCode.set(fields.code, created.documentId);
    report.created += 1;
  }
  await seedDemoDocuments(strapi, documentIdByCode, report);
  await seedDemoAdmin(strapi, report);
  return report;
}

const DOCUMENT_UID = 'api::normative-document.normative-document';

/**
 * Publishes the demo documents (registration and date-driven transitions happen as for any
 * publication) and runs the demo amendments and repeals for documents created in this run.
 */
async function seedDemoDocuments(strapi: Core.Strapi, organizationByCode: Map<string, string>, report: SeedReport): Promise<void> {
  const documents = strapi.documents(DOCUMENT_UID);
  const topics = new Map(
    (await strapi.db.query('api::topic.topic').findMany({ select: ['documentId', 'code'] })).map((t: { code: string; documentId: string }) => [t.code, t.documentId]),
  );
  const created = new Map<string, string>();
  const byKey = new Map<string, string>();

  const today = chinaToday(new Date());
  for (const { key, issuer, topic, ...fields } of DEMO_DOCUMENTS.map((document) => demoDocument(document, today))) {
    const issuingOrganization = organizationByCode.get(issuer);
    if (!issuingOrganization) throw new Error(`demo document ${key}: unknown issuer ${issuer}`);
    const [found] = await documents.findMany({
      filters: { documentNumber: fields.documentNumber, issuingOrganization: { documentId: issuingOrganization } },
      fields: ['documentId'],
      limit: 1,
    });
    if (found) {
      byKey.set(key, found.documentId);
      report.existing += 1;
      continue;
    }
    const document = await documents.create({
      data: {
        ...fields,
        issuingOrganization,
        topic: topics.get(topic) ?? null,
        disclosureMode: 'proactive',
        body: `<p style="text-indent:2em">${fields.summary}</p>`,
      },
      status: 'published',
    });
    byKey.set(key, document.documentId);
    created.set(key, document.documentId);
    report.created += 1;
  }

  const lifecycle = strapi.plugin('document-lifecycle').service('lifecycle') as LifecycleService;
  for (const { target, basis, ...transition } of DEMO_TRANSITIONS) {
    const targetId = created.get(target);
    if (!targetId) continue;
    await lifecycle.transition(targetId, { ...transition, basisDocumentId: basis ? byKey.get(basis) : undefined }, SYSTEM);
  }
}

/** Whether the database holds no organizations yet: the signal for a first development start. */
export async function isEmpty(strapi: Core.Strapi): Promise<boolean> {
  return (await strapi.documents('api::organization.organization').count({})) === 0;
}
