import * as React from 'react';
import { Badge, Box, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { RatioBar, type RatioResult } from '../components/RatioBar';

interface Evaluation {
  counts: { total: number; diverse: number; offWebsite: number };
  diverse: RatioResult;
  offWebsite: RatioResult;
  status: 'pass' | 'fail' | 'no_data';
}

interface Row {
  organization: { documentId: string; name: string; parent: string | null };
  own: Evaluation;
  rollup: Evaluation;
}

interface Report {
  data: Row[];
  meta: { period: string; thresholds: { diverse: number; offWebsite: number }; enforcement: string };
}

const chinaYear = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 4);
const STATUS_VARIANT = { pass: 'success', fail: 'danger', no_data: 'neutral' } as const;

/** Every organization the user may see, for a chosen period: both ratios as bars, status, shortfall. */
const RatiosPage = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const [period, setPeriod] = React.useState(chinaYear());
  const [scope, setScope] = React.useState<'own' | 'rollup'>('own');
  const [report, setReport] = React.useState<Report | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    get<Report>(`/${PLUGIN_ID}/ratios?period=${encodeURIComponent(period)}`).then(
      ({ data }) => {
        if (cancelled) return;
        setReport(data);
        setError(null);
      },
      (failure: { response?: { data?: { error?: { message?: string } } } }) => !cancelled && setError(failure.response?.data?.error?.message ?? String(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [get, period]);

  return (
    <Page.Main>
      <Layouts.Header title={t('plugin.name')} subtitle={t('page.subtitle')} />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" paddingBottom={4}>
          <Field.Root name="period" hint={t('page.period.hint')} error={error ?? undefined}>
            <Field.Label>{t('page.period')}</Field.Label>
            <TextInput value={period} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setPeriod(event.target.value.trim())} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          <Field.Root name="scope">
            <Field.Label>{t('page.scope')}</Field.Label>
            <SingleSelect value={scope} onChange={(value: string | number) => setScope(value === 'rollup' ? 'rollup' : 'own')}>
              <SingleSelectOption value="own">{t('page.scope.own')}</SingleSelectOption>
              <SingleSelectOption value="rollup">{t('page.scope.rollup')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
        </Flex>
        {report && (
          <Box paddingBottom={4}>
            <Typography variant="pi" textColor="neutral600">
              {t('page.thresholds', {
                diverse: Math.round(report.meta.thresholds.diverse * 100),
                offWebsite: Math.round(report.meta.thresholds.offWebsite * 100),
                enforcement: t(`enforcement.${report.meta.enforcement}`),
              })}
            </Typography>
          </Box>
        )}
        <Table colCount={5} rowCount={(report?.data.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('table.organization')}</Typography></Th>
              <Th><Typography variant="sigma">{t('table.total')}</Typography></Th>
              <Th><Typography variant="sigma">{t('table.diverse')}</Typography></Th>
              <Th><Typography variant="sigma">{t('table.offWebsite')}</Typography></Th>
              <Th><Typography variant="sigma">{t('table.status')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {(report?.data ?? []).map((row) => {
              const evaluation = row[scope];
              return (
                <Tr key={row.organization.documentId} data-testid="ratio-row" data-organization={row.organization.name} data-status={evaluation.status}>
                  <Td><Typography fontWeight="bold">{row.organization.name}</Typography></Td>
                  <Td><Typography>{evaluation.counts.total}</Typography></Td>
                  <Td><RatioBar result={evaluation.diverse} /></Td>
                  <Td><RatioBar result={evaluation.offWebsite} /></Td>
                  <Td><Badge variant={STATUS_VARIANT[evaluation.status]}>{t(`status.${evaluation.status}`)}</Badge></Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Page.Main>
  );
};

export default RatiosPage;
