import { withDocumentVersions } from '../../../src/admin/document-versions';

describe('withDocumentVersions', () => {
  const calls: { url: string; method: string; ifMatch: string | null }[] = [];
  const etags: Record<string, string> = {};
  const fake = (async (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ url: input, method: init?.method ?? 'GET', ifMatch: headers.get('If-Match') });
    return new Response('{}', { headers: etags[input] ? { ETag: etags[input] } : {} });
  }) as unknown as typeof fetch;
  const base = '/content-manager/collection-types/api::normative-document.normative-document';

  it('sends back the version last seen of the document it saves, publishes or discards', async () => {
    const wrapped = withDocumentVersions(fake);
    etags[`${base}/abc?status=draft`] = '"abc.1"';
    await wrapped(`${base}/abc?status=draft`);
    await wrapped(`${base}/abc`, { method: 'PUT', body: '{}', headers: { 'Content-Type': 'application/json' } });
    etags[`${base}/abc/actions/publish`] = '"abc.2"';
    await wrapped(`${base}/abc/actions/publish`, { method: 'POST' });
    await wrapped(`${base}/abc/actions/discard`, { method: 'POST' });
    await wrapped(`${base}/other`, { method: 'PUT' });
    await wrapped(`${base}/actions/bulkDelete`, { method: 'POST' });
    expect(calls.map((call) => [call.method, call.url.replace(base, ''), call.ifMatch])).toEqual([
      ['GET', '/abc?status=draft', null],
      ['PUT', '/abc', '"abc.1"'],
      ['POST', '/abc/actions/publish', '"abc.1"'],
      ['POST', '/abc/actions/discard', '"abc.2"'],
      ['PUT', '/other', null],
      ['POST', '/actions/bulkDelete', null],
    ]);
  });
});
