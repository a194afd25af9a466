/**
 * Sets fields on what a Document Service write returned, so the response shows values a
 * middleware wrote after the write: a document, or the `{ entries }` that publish returns.
 */
export function assignToResult(result: unknown, fields: Record<string, unknown>): void {
  if (!result || typeof result !== 'object') return;
  const { entries } = result as { entries?: unknown };
  for (const entry of Array.isArray(entries) ? entries : [result]) Object.assign(entry as object, fields);
}

/** Whether a Document Service write publishes: `publish`, or a create or update sent with status published. */
export const isPublication = (action: string, params: { status?: unknown } | undefined): boolean =>
  action === 'publish' || ((action === 'create' || action === 'update') && params?.status === 'published');

/** How the database layer describes a relation's link table. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}
