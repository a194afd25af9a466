import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { REQUEST_STATUS_LABELS, REQUEST_STATUSES } from '../../../../../domain/disclosure-request';

const PLUGIN_ID = 'audit-export';
const chinaToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The admin's access token where the admin keeps it (remembered sign-in, or its cookie). */
function accessToken(): string | null {
  const remembered = localStorage.getItem('jwtToken');
  if (remembered) return JSON.parse(remembered) as string;
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('jwtToken='));
  return cookie ? decodeURIComponent(cookie.slice('jwtToken='.length)) : null;
}

/** A date as typed (2026/1/5, 2026.01.05, 2026-1-5) in the form the server takes (2026-01-05); anything else as it is. */
const asIsoDate = (typed: string) => {
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(typed.trim());
  return parts ? `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}` : typed.trim();
};

/** A download's size as people read it: KB below a megabyte. */
const sizeOf = (bytes: number) => (bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

const backendURL = () => (window as unknown as { strapi: { backendURL: string } }).strapi.backendURL;

interface ExportRecord {
  exportId: string;
  kind: string;
  format: string;
  status: string;
  rowCount: number | null;
  bytes: number | string | null;
  sha256: string | null;
  actorName: string | null;
  actor: string;
  startedAt: string;
  filters: Record<string, unknown>;
}

/** Filters, a download that shows its progress, and the log of every export with its SHA-256. */
const ExportPage = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const [kind, setKind] = React.useState('documents');
  const [format, setFormat] = React.useState('xlsx');
  const [asOf, setAsOf] = React.useState(chinaToday());
  const [validity, setValidity] = React.useState('');
  const [status, setStatus] = React.useState('');
  // The request register is of requests as they stand: no past date or validity; its dates are of receipt.
  const register = kind === 'requests';
  const [from, setFrom] = React.useState('');
  const [to, setTo] = React.useState('');
  const [progress, setProgress] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [log, setLog] = React.useState<ExportRecord[]>([]);

  const loadLog = React.useCallback(() => {
    get<{ data: ExportRecord[] }>(`/${PLUGIN_ID}/log?pageSize=20`).then(({ data }) => setLog(data.data), () => setLog([]));
  }, [get]);
  React.useEffect(loadLog, [loadLog]);

  async function download() {
    setError(null);
    const params = new URLSearchParams({ format });
    if (!register) params.set('asOf', asIsoDate(asOf));
    if (!register && validity) params.set('validity', validity);
    if (register && status) params.set('status', status);
    if (from) params.set('from', asIsoDate(from));
    if (to) params.set('to', asIsoDate(to));
    // The fetch client buffers whole responses; the download is read as a stream to show progress.
    const response = await fetch(`${backendURL()}/${PLUGIN_ID}/${kind}?${params}`, {
      headers: { Authorization: `Bearer ${accessToken() ?? ''}` },
      credentials: 'include',
    });
    if (!response.ok || !response.body) {
      const body = await response.json().catch(() => null);
      // The server's messages are English; the two an auditor can meet without a mistake of theirs are said in Chinese.
      const field = body?.error?.details?.errors?.[0]?.path?.[0] as string | undefined;
      const label = field === 'from' && register ? 'receivedFrom' : field === 'to' && register ? 'receivedTo' : field;
      if (response.status === 429) setError(t('error.busy'));
      else if (response.status >= 500) setError(t('error.failed'));
      // A date the server refuses is named by its label here, not by its parameter.
      else if (label && ['asOf', 'from', 'to', 'receivedFrom', 'receivedTo'].includes(label)) {
        setError(t(/before from/.test(body.error.message) ? 'error.range' : /future/.test(body.error.message) ? 'error.future' : 'error.date', { field: t(`filter.${label}`) }));
      } else setError(body?.error?.message ?? `${response.status}`);
      return;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      setProgress(t('progress', { size: sizeOf(received) }));
    }
    const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? undefined }));
    link.download = name ? decodeURIComponent(name) : `export.${format}`;
    link.click();
    URL.revokeObjectURL(link.href);
    setProgress(t('done', { size: sizeOf(received) }));
    loadLog();
  }

  const select = (name: string, value: string, set: (value: string) => void, options: string[]) => (
    <Field.Root name={name}>
      <Field.Label>{t(`filter.${name}`)}</Field.Label>
      <SingleSelect value={value} onChange={(next: string | number) => set(String(next))}>
        {options.map((option) => (
          <SingleSelectOption key={option} value={option}>
            {t(`${name}.${option || 'any'}`)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
  const date = (name: string, value: string, set: (value: string) => void) => (
    <Field.Root name={name} hint={t('hint.date')}>
      <Field.Label>{t(`filter.${name}`)}</Field.Label>
      <TextInput value={value} onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(event.target.value.trim())} />
    </Field.Root>
  );

  return (
    <Page.Main>
      <Layouts.Header title={t('plugin.name')} subtitle={t('page.subtitle')} />
      <Layouts.Content>
        <Flex gap={4} wrap="wrap" alignItems="flex-end" paddingBottom={4}>
          {select('kind', kind, setKind, ['documents', 'events', 'requests'])}
          {select('format', format, setFormat, ['xlsx', 'csv', 'jsonl'])}
          {!register && date('asOf', asOf, setAsOf)}
          {!register && select('validity', validity, setValidity, ['', 'pending', 'in_force', 'amended', 'repealed', 'expired'])}
          {register && (
            <Field.Root name="status">
              <Field.Label>{t('filter.status')}</Field.Label>
              <SingleSelect value={status} onChange={(next: string | number) => setStatus(String(next))}>
                {['', ...REQUEST_STATUSES].map((option) => (
                  <SingleSelectOption key={option || 'any'} value={option}>
                    {option ? REQUEST_STATUS_LABELS[option as keyof typeof REQUEST_STATUS_LABELS] : t('validity.any')}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          )}
          {date(register ? 'receivedFrom' : 'from', from, setFrom)}
          {date(register ? 'receivedTo' : 'to', to, setTo)}
          <Button onClick={download} data-testid="export-download">{t('download')}</Button>
        </Flex>
        {progress && <Typography data-testid="export-progress">{progress}</Typography>}
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Box paddingTop={6}>
          <Typography variant="delta" tag="h2">{t('log.title')}</Typography>
          <Table colCount={6} rowCount={log.length + 1}>
            <Thead>
              <Tr>
                {['startedAt', 'actor', 'kind', 'rows', 'status', 'sha256'].map((column) => (
                  <Th key={column}><Typography variant="sigma">{t(`log.${column}`)}</Typography></Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {log.map((entry) => (
                <Tr key={entry.exportId} data-testid="export-record">
                  <Td><Typography>{new Date(entry.startedAt).toLocaleString('zh-CN')}</Typography></Td>
                  <Td><Typography>{entry.actorName ?? entry.actor}</Typography></Td>
                  <Td><Typography>{t(`kind.${entry.kind}`)} · {entry.format.toUpperCase()}</Typography></Td>
                  <Td><Typography>{entry.rowCount ?? '—'}</Typography></Td>
                  <Td><Typography>{t(`status.${entry.status}`)}</Typography></Td>
                  <Td><Typography variant="pi" style={{ fontFamily: 'monospace' }}>{entry.sha256 ?? '—'}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ExportPage;
