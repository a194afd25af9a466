import type { Core } from '@strapi/strapi';

export interface FieldLabel {
  label: string;
  description?: string;
  /** Shown but not editable in the Content Manager; the server refuses the write anyway. */
  readOnly?: boolean;
  /** For a relation: which field of the related record the picker shows. */
  mainField?: string;
}

/** Chinese labels for the Content Manager, by content type or component uid. */
export type AdminLabels = Record<string, { mainField?: string; fields: Record<string, FieldLabel> }>;

interface Metadata {
  edit?: { label?: string; description?: string; editable?: boolean; mainField?: string };
  list?: { label?: string };
}

interface Configuration {
  settings: { mainField?: string };
  metadatas: Record<string, Metadata>;
  layouts: unknown;
}

interface ConfigurationService {
  findConfiguration: (schema: unknown) => Promise<Configuration>;
  updateConfiguration: (schema: unknown, configuration: Configuration) => Promise<unknown>;
}

type Applied = Record<string, { mainField?: string; fields: Record<string, FieldLabel> }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Sets the labels in the Content Manager's stored view configuration, each once: a label (or main
 * field) is written when it is new or has changed in the code since it was last written, so what
 * an editor changes in 配置视图 afterwards stays. What was written is kept in the core store.
 */
export async function applyAdminLabels(strapi: Core.Strapi, labels: AdminLabels, owner = 'app'): Promise<void> {
  // One record per owner (the app, each plugin), so each sets its own types' labels alone.
  const store = strapi.store({ type: 'core', name: 'gongkai', key: owner === 'app' ? 'admin-labels' : `admin-labels:${owner}` });
  const applied = ((await store.get({})) as Applied | null) ?? {};
  const contentTypes = strapi.plugin('content-manager').service('content-types') as unknown as ConfigurationService;
  const components = strapi.plugin('content-manager').service('components') as unknown as ConfigurationService;
  for (const [uid, { mainField, fields }] of Object.entries(labels)) {
    const isComponent = !uid.includes('::');
    const schema = isComponent ? strapi.components[uid as never] : strapi.contentTypes[uid as never];
    if (!schema) continue;
    const before = applied[uid] ?? { fields: {} };
    const changed = Object.entries(fields).filter(([field, label]) => !same(before.fields[field], label));
    const mainFieldChanged = mainField !== undefined && mainField !== before.mainField;
    if (changed.length === 0 && !mainFieldChanged) continue;
    const service = isComponent ? components : contentTypes;
    const configuration = await service.findConfiguration(schema);
    applyFields(configuration.metadatas, Object.fromEntries(changed));
    if (mainFieldChanged) configuration.settings.mainField = mainField;
    await service.updateConfiguration(schema, { settings: configuration.settings, metadatas: configuration.metadatas, layouts: configuration.layouts });
    applied[uid] = { mainField, fields };
  }
  await store.set({ value: applied });
}

function applyFields(metadatas: Record<string, Metadata>, fields: Record<string, FieldLabel>): void {
  for (const [field, { label, description, readOnly, mainField }] of Object.entries(fields)) {
    const metadata = metadatas[field];
    if (!metadata) continue;
    if (metadata.edit) {
      metadata.edit.label = label;
      if (description) metadata.edit.description = description;
      if (readOnly) metadata.edit.editable = false;
      if (mainField) metadata.edit.mainField = mainField;
    }
    if (metadata.list) metadata.list.label = label;
  }
}
