import * as React from 'react';
import { Box, Field, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { PLUGIN_ID, REQUEST_UID } from '../pluginId';

interface DueRequest {
  documentId: string;
  trackingCode: string | null;
  receivedOn: string;
  statusLabel: string;
  dueOn: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  calendarProblem?: string;
  organization: { documentId: string; name: string } | null;
}

const WINDOWS = [3, 5, 10, 20];

/** The requests due soon and those overdue, for the organizations the user reaches, most urgent first. */
const DuePage = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const [within, setWithin] = React.useState(5);
  const [due, setDue] = React.useState<DueRequest[] | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let cancelled = false;
    get<{ data: DueRequest[] }>(`/${PLUGIN_ID}/requests/due`, { params: { within: String(within) } }).then(
      ({ data }) => {
        if (cancelled) return;
        setDue(data.data);
        setFailed(false);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [within, get]);

  return (
    <Page.Main>
      <Layouts.Header title={t('due.title')} subtitle={t('due.subtitle', { within })} />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Flex paddingBottom={4}>
            <Field.Root name="within">
              <Field.Label>{t('due.within')}</Field.Label>
              <SingleSelect value={String(within)} onChange={(value: string | number) => setWithin(Number(value))}>
                {WINDOWS.map((days) => (
                  <SingleSelectOption key={days} value={String(days)}>
                    {days}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Flex>
          <Table colCount={7} rowCount={(due?.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('due.organization')}</Typography></Th>
                <Th><Typography variant="sigma">{t('due.trackingCode')}</Typography></Th>
                <Th><Typography variant="sigma">{t('due.receivedOn')}</Typography></Th>
                <Th><Typography variant="sigma">{t('due.status')}</Typography></Th>
                <Th><Typography variant="sigma">{t('due.dueOn')}</Typography></Th>
                <Th><Typography variant="sigma">{t('due.left')}</Typography></Th>
                <Th><Typography variant="sigma">{t('due.open')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {(due ?? []).map((request) => {
                const color = request.overdue || request.calendarProblem ? 'danger600' : 'neutral800';
                return (
                  <Tr key={request.documentId} data-testid="due-request">
                    <Td><Typography>{request.organization?.name ?? ''}</Typography></Td>
                    <Td><Typography variant="pi">{request.trackingCode ?? ''}</Typography></Td>
                    <Td><Typography>{request.receivedOn}</Typography></Td>
                    <Td><Typography>{request.statusLabel}</Typography></Td>
                    <Td>
                      <Typography textColor={color} title={request.calendarProblem}>
                        {request.dueOn ?? t('due.calendar')}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography textColor={color} fontWeight={request.overdue ? 'bold' : undefined}>
                        {request.workingDaysLeft === null ? '' : request.workingDaysLeft >= 0 ? request.workingDaysLeft : t('panel.overdueBy', { days: -request.workingDaysLeft })}
                      </Typography>
                    </Td>
                    <Td>
                      <Link tag={NavLink} to={`/content-manager/collection-types/${REQUEST_UID}/${request.documentId}`}>
                        {t('due.open')}
                      </Link>
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
          {failed && (
            <Box paddingTop={4}>
              <Typography variant="pi" textColor="danger600">{t('due.failed')}</Typography>
            </Box>
          )}
          {due && due.length === 0 && (
            <Box paddingTop={4}>
              <Typography variant="pi">{t('due.empty')}</Typography>
            </Box>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default DuePage;
