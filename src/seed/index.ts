import type { Core } from '@strapi/strapi';
import { addDays, chinaToday } from '../domain/dates';
import { DEMO_DOCUMENTS, DEMO_TRANSITIONS, demoDocument, thisYear } from './demo-documents';
import { DEMO_DIRECTORY } from './demo-directory';
import { DEMO_INTERPRETATIONS } from './demo-interpretations';
import { DEMO_ORGANIZATIONS } from './demo-organizations';
import { DEMO_POWERS } from './demo-powers';
import { DEMO_REQUESTS } from './demo-requests';
import { workingCalendar } from '../utils/calendar';
import { SYSTEM_SCOPE } from '../utils/access';
import type { DisclosureRequestService } from '../api/disclosure-request/services/disclosure-request';
import type { IsoDate } from '../domain/dates';
import { getService } from '../plugins/document-lifecycle/server/src/get-service';
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

/** Demo sign-ins of each organization's 编辑 and 审核发布, and the platform's 审计, all with the demo password. */
export const demoMemberEmail = (role: 'editor' | 'publisher', organizationKey: string) => `${role}.${organizationKey}@demo.gongkai.local`;
export const DEMO_AUDITOR_EMAIL = 'auditor@demo.gongkai.local';

const MEMBERSHIP_UID = 'plugin::organization-access.membership';

/** Creates a demo admin user in a role unless one with that email exists; returns its id. */
async function seedDemoUser(
  strapi: Core.Strapi,
  report: SeedReport,
  user: { email: string; firstname: string; lastname: string },
  roleCode: string,
): Promise<{ id: number; created: boolean }> {
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: user.email }, select: ['id'] });
  if (existing) {
    report.existing += 1;
    return { id: existing.id, created: false };
  }
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode }, select: ['id'] });
  if (!role) throw new Error(`admin role ${roleCode} does not exist`);
  const created = await strapi.service('admin::user').create({ ...user, password: DEMO_ADMIN.password, isActive: true, roles: [role.id] });
  report.created += 1;
  return { id: created.id, created: true };
}

async function seedDemoSignIns(strapi: Core.Strapi, organizationByCode: Map<string, string>, report: SeedReport): Promise<void> {
  if (process.env.NODE_ENV === 'production') return;
  await seedDemoUser(strapi, report, DEMO_ADMIN, 'strapi-super-admin');
  await seedDemoUser(strapi, report, { email: DEMO_AUDITOR_EMAIL, firstname: '审计', lastname: '演示' }, 'gongkai-auditor');
  for (const organization of DEMO_ORGANIZATIONS) {
    const row = await strapi.db.query('api::organization.organization').findOne({
      where: { documentId: organizationByCode.get(organization.code) },
      select: ['id'],
    });
    for (const [role, roleCode, title] of [
      ['editor', 'gongkai-editor', '编辑'],
      ['publisher', 'gongkai-publisher', '审核发布'],
    ] as const) {
      const user = await seedDemoUser(
        strapi,
        report,
        { email: demoMemberEmail(role, organization.key), firstname: title, lastname: organization.shortName },
        roleCode,
      );
      if (!user.created) continue;
      await strapi.documents(MEMBERSHIP_UID as never).create({
        data: { adminUser: user.id, organizations: [row.id], note: `演示：${organization.shortName}${title}` } as never,
      });
    }
  }
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
    const { key, ...attributes } = fields;
    const created = await organizations.create({
      data: { ...attributes, ...(DEMO_DIRECTORY[key] ?? {}), parent: parent ? documentIdByCode.get(parent) : null } as never,
    });
    documentIdByCode.set(fields.code, created.documentId);
    report.created += 1;
  }
  const documents = await seedDemoDocuments(strapi, documentIdByCode, report);
  const organizationByKey = new Map(DEMO_ORGANIZATIONS.map((organization) => [organization.key, documentIdByCode.get(organization.code)]));
  await seedDemoPowers(strapi, organizationByKey, documents.byKey, report);
  // After the powers, so the demo's repeals and amendments flag the items resting on them.
  await runDemoTransitions(strapi, documents);
  await seedDemoInterpretations(strapi, organizationByKey, documents.byKey, report);
  await seedDemoRequests(strapi, organizationByKey, report);
  await seedDemoSignIns(strapi, documentIdByCode, report);
  return report;
}

const DOCUMENT_UID = 'api::normative-document.normative-document';

/**
 * Publishes the demo documents (registration and date-driven transitions happen as for any
 * publication) and runs the demo amendments and repeals for documents created in this run.
 */
interface SeededDocuments {
  /** documentId of every demo document by its key. */
  byKey: Map<string, string>;
  /** Those created in this run: only they get the demo transitions. */
  created: Map<string, string>;
}

async function seedDemoDocuments(strapi: Core.Strapi, organizationByCode: Map<string, string>, report: SeedReport): Promise<SeededDocuments> {
  const documents = strapi.documents(DOCUMENT_UID);
  const topics = await documentIdsByCode(strapi, 'api::topic.topic');
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

  return { byKey, created };
}

async function runDemoTransitions(strapi: Core.Strapi, { byKey, created }: SeededDocuments): Promise<void> {
  const lifecycle = getService(strapi, 'lifecycle');
  for (const { target, basis, ...transition } of DEMO_TRANSITIONS) {
    const targetId = created.get(target);
    if (!targetId) continue;
    await lifecycle.transition(targetId, { ...transition, basisDocumentId: basis ? byKey.get(basis) : undefined }, SYSTEM);
  }
}

const POWER_UID = 'api::power-item.power-item';

/** documentIds of reference records (topics, categories, forms, channels) by their code. */
async function documentIdsByCode(strapi: Core.Strapi, uid: string): Promise<Map<string, string>> {
  const rows = (await strapi.db.query(uid).findMany({ select: ['documentId', 'code'] })) as { code: string; documentId: string }[];
  return new Map(rows.map((row) => [row.code, row.documentId]));
}

async function seedDemoPowers(
  strapi: Core.Strapi,
  organizationByKey: Map<string, string | undefined>,
  documentByKey: Map<string, string>,
  report: SeedReport,
): Promise<void> {
  const categories = await documentIdsByCode(strapi, 'api::power-category.power-category');
  for (const { organization, responsibleUnit, category, basis, ...fields } of DEMO_POWERS) {
    if ((await strapi.db.query(POWER_UID).count({ where: { code: fields.code } })) > 0) {
      report.existing += 1;
      continue;
    }
    await strapi.documents(POWER_UID as never).create({
      data: {
        ...fields,
        category: categories.get(category),
        organization: organizationByKey.get(organization),
        responsibleUnit: responsibleUnit ? organizationByKey.get(responsibleUnit) : null,
        basisDocuments: basis.map((key) => documentByKey.get(key)),
      } as never,
      status: 'published',
    } as never);
    report.created += 1;
  }
}

const INTERPRETATION_UID = 'api::policy-interpretation.policy-interpretation';

async function seedDemoInterpretations(
  strapi: Core.Strapi,
  organizationByKey: Map<string, string | undefined>,
  documentByKey: Map<string, string>,
  report: SeedReport,
): Promise<void> {
  const forms = await documentIdsByCode(strapi, 'api::interpretation-form.interpretation-form');
  const channels = await documentIdsByCode(strapi, 'api::channel.channel');
  const today = chinaToday(new Date());
  for (const { organization, source, form, publishedOn, channels: posts, ...fields } of DEMO_INTERPRETATIONS) {
    if ((await strapi.db.query(INTERPRETATION_UID).count({ where: { title: fields.title } })) > 0) {
      report.existing += 1;
      continue;
    }
    // Within this year, like the documents they explain, so this year's ratios show them.
    const date = thisYear(today, publishedOn);
    await strapi.documents(INTERPRETATION_UID as never).create({
      data: {
        ...fields,
        organization: organizationByKey.get(organization),
        sourceDocuments: [documentByKey.get(source)],
        form: forms.get(form),
        publishedOn: date,
        channelPublications: posts.map((post) => ({ channel: channels.get(post.channel), url: post.url ?? null, publishedOn: addDays(date, post.after ?? 0) })),
        body: `<p style="text-indent:2em">${fields.summary}</p>`,
      } as never,
      status: 'published',
    } as never);
    report.created += 1;
  }
}

/** Whether the database holds no organizations yet: the signal for a first development start. */
export async function isEmpty(strapi: Core.Strapi): Promise<boolean> {
  return (await strapi.documents('api::organization.organization').count({})) === 0;
}

const REQUEST_UID = 'api::disclosure-request.disclosure-request';

/** The demo requests, registered as staff register them and taken through their steps. */
async function seedDemoRequests(strapi: Core.Strapi, organizationByKey: Map<string, string | undefined>, report: SeedReport): Promise<void> {
  const calendar = await workingCalendar(strapi);
  const today = chinaToday(new Date());
  const workingDaysBefore = (date: IsoDate, count: number): IsoDate => {
    let day = date;
    for (let left = count; left > 0; ) {
      day = addDays(day, -1);
      if (calendar.isWorkingDay(day)) left -= 1;
    }
    return day;
  };
  const requests = strapi.service(REQUEST_UID) as unknown as DisclosureRequestService;
  for (const { organization, receivedWorkingDaysAgo, steps, ...fields } of DEMO_REQUESTS) {
    if ((await strapi.db.query(REQUEST_UID).count({ where: { description: fields.description } })) > 0) {
      report.existing += 1;
      continue;
    }
    const receivedOn = workingDaysBefore(today, receivedWorkingDaysAgo);
    const created = await strapi.documents(REQUEST_UID).create({
      data: { ...fields, organization: organizationByKey.get(organization), applicantType: 'natural_person', idType: 'resident_identity_card', receivedOn } as never,
    });
    for (const { action, after, ...step } of steps) {
      const date = calendar.addWorkingDays(receivedOn, after);
      await requests.step(created.documentId, { action, date: date > today ? today : date, ...step }, SYSTEM_SCOPE);
    }
    report.created += 1;
  }
}
