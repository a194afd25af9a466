import * as React from 'react';
import { Box, Button, Field, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

interface TickReport {
  today: string;
  enteredIntoForce: number;
  expired: number;
}

interface ReviewGroup {
  organization: { documentId: string; name: string } | null;
  documents: { documentId: string; title: string; documentNumber: string | null; indexNumber: string | null; validUntil: string }[];
}

interface ApiError {
  response?: { data?: { error?: { message?: string } } };
}

const chinaToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The plugin's page: run the date-driven transitions for a date, and the documents due for review. */
const LifecyclePage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const [date, setDate] = React.useState(chinaToday());
  const [report, setReport] = React.useState<TickReport | null>(null);
  const [running, setRunning] = React.useState(false);
  const [review, setReview] = React.useState<{ groups: ReviewGroup[]; within: number } | null>(null);

  const loadReview = React.useCallback(() => {
    get<{ data: ReviewGroup[]; meta: { within: number } }>(`/${PLUGIN_ID}/due-for-review`).then(
      ({ data }) => setReview({ groups: data.data, within: data.meta.within }),
      () => setReview({ groups: [], within: 0 }),
    );
  }, [get]);

  React.useEffect(loadReview, [loadReview]);

  async function runTick(event: React.FormEvent) {
    event.preventDefault();
    setRunning(true);
    try {
      const { data } = await post<{ data: TickReport }>(`/${PLUGIN_ID}/tick`, { date });
      setReport(data.data);
      loadReview();
    } catch (error) {
      toggleNotification({ type: 'danger', message: (error as ApiError).response?.data?.error?.message ?? String(error) });
    } finally {
      setRunning(false);
    }
  }

  return (
    <Page.Main>
      <Layouts.Header title={t('plugin.name')} subtitle={t('page.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <form onSubmit={runTick}>
              <Flex gap={4} alignItems="flex-end">
                <Field.Root name="date">
                  <Field.Label>{t('page.tick.date')}</Field.Label>
                  <TextInput type="date" value={date} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDate(e.target.value)} />
                </Field.Root>
                <Button type="submit" loading={running}>{t('page.tick.run')}</Button>
              </Flex>
            </form>
            {report && (
              <Box paddingTop={4} data-testid="tick-report">
                <Typography>{t('page.tick.report', { date: report.today, entered: report.enteredIntoForce, expired: report.expired })}</Typography>
              </Box>
            )}
          </Box>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">{t('page.review.title', { days: review?.within ?? '' })}</Typography>
            <Box paddingTop={4}>
              <Table colCount={4} rowCount={(review?.groups.reduce((n, g) => n + g.documents.length, 0) ?? 0) + 1}>
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{t('page.review.organization')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('page.review.document')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('page.review.number')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('page.review.validUntil')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {review?.groups.flatMap((group) =>
                    group.documents.map((doc) => (
                      <Tr key={doc.documentId}>
                        <Td><Typography>{group.organization?.name ?? ''}</Typography></Td>
                        <Td><Typography>{doc.title}</Typography></Td>
                        <Td><Typography>{doc.documentNumber ?? ''}</Typography></Td>
                        <Td><Typography>{doc.validUntil}</Typography></Td>
                      </Tr>
                    )),
                  )}
                </Tbody>
              </Table>
              {review && review.groups.length === 0 && <Typography variant="pi">{t('page.review.empty')}</Typography>}
            </Box>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default LifecyclePage;
