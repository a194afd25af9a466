/**
 * The edit view's half of optimistic concurrency: the server sends a document's version as an
 * ETag with every read and save of it; the version last seen is sent back as If-Match with the
 * next save, publication or discard of that document, so a save over someone else's is refused
 * (409, 已被他人修改，请刷新后再改) instead of silently replacing it.
 */
const DOCUMENT = /\/content-manager\/collection-types\/[^/]+\/([^/?#]+)(?:\/actions\/(?:publish|unpublish|discard))?(?:[?#]|$)/;

type Fetch = typeof fetch;

const urlOf = (input: Parameters<Fetch>[0]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

export function withDocumentVersions(original: Fetch): Fetch {
  const versions = new Map<string, string>();
  return async (input, init) => {
    const match = DOCUMENT.exec(urlOf(input));
    const documentId = match && match[1] !== 'actions' ? match[1] : null;
    if (!documentId) return original(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    let request = init;
    const version = versions.get(documentId);
    if (method !== 'GET' && method !== 'DELETE' && version) {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      if (!headers.has('If-Match')) headers.set('If-Match', version);
      request = { ...init, headers };
    }
    const response = await original(input, request);
    const etag = response.headers.get('ETag');
    if (etag) versions.set(documentId, etag);
    return response;
  };
}
