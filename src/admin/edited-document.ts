import * as React from 'react';
import { unstable_useDocument as useDocument } from '@strapi/content-manager/strapi-admin';
import { useQueryParams } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

/**
 * Refetches the document the edit view shows, with the same arguments the edit view uses, so its
 * form takes the values a change made beside it (a transition, a request's step) instead of
 * saving stale ones.
 */
export function useRefetchEditedDocument(model: string, collectionType: string, documentId: string): () => void {
  const { origin } = useParams<{ origin?: string }>();
  const [{ query }] = useQueryParams<{ plugins?: Record<string, unknown> } & Record<string, unknown>>();
  const params = React.useMemo(() => {
    const { plugins, ...rest } = query ?? {};
    const pluginParams = Object.values(plugins ?? {}).filter((value): value is object => typeof value === 'object' && value !== null);
    return Object.assign({}, rest, ...pluginParams);
  }, [query]);
  const { refetch } = useDocument({ documentId: origin || documentId, model, collectionType, params });
  return refetch;
}
