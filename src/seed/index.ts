import type { Core } from '@strapi/strapi';
import { DEMO_ORGANIZATIONS } from './demo-organizations';

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
  await seedDemoAdmin(strapi, report);
  return report;
}

/** Whether the database holds no organizations yet: the signal for a first development start. */
export async function isEmpty(strapi: Core.Strapi): Promise<boolean> {
  return (await strapi.documents('api::organization.organization').count({})) === 0;
}
