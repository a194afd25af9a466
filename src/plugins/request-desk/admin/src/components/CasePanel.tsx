import * as React from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { StepForm } from '../../../../../domain/request-step-forms';
import { useRefetchEditedDocument } from '../../../../../admin/edited-document';
import { PLUGIN_ID, REQUEST_UID } from '../pluginId';
import { StepModal } from './StepModal';

interface PanelProps {
  model: string;
  collectionType: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

interface CaseStep {
  sequence: number;
  actionLabel: string;
  date: string;
  reason: string | null;
  dueOn: string | null;
  decisionLabel: string | null;
  decisionReasonLabel: string | null;
  replyTypeLabel: string | null;
  actorName: string | null;
}

export interface Case {
  status: string;
  statusLabel: string;
  clock: 'running' | 'paused' | 'stopped' | null;
  dueOn: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  extended: boolean;
  calendarProblem?: string;
  trackingCode: string | null;
  version: string | null;
  steps: CaseStep[];
  chain: { valid: true } | { valid: false; brokenAt: number };
  actions: StepForm[];
}

const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
};

/** What the clock says: the due date and the working days left, overdue in red. */
function Clock({ found }: { found: Case }) {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma" textColor="neutral600">{t('panel.status')}</Typography>
        <Badge>{found.statusLabel}</Badge>
        {found.clock && <Badge variant={found.clock === 'running' ? 'success' : 'secondary'}>{t(`panel.clock.${found.clock}`)}</Badge>}
        {found.extended && <Badge variant="warning">{t('panel.extended')}</Badge>}
      </Flex>
      {found.calendarProblem ? (
        <Typography variant="pi" textColor="danger600">{found.calendarProblem}</Typography>
      ) : (
        found.dueOn && (
          <Flex gap={2} wrap="wrap" data-testid="request-due">
            <Typography variant="sigma" textColor="neutral600">{t('panel.dueOn')}</Typography>
            <Typography variant="omega" fontWeight="bold" textColor={found.overdue ? 'danger600' : 'neutral800'}>
              {found.dueOn}
            </Typography>
            {found.workingDaysLeft !== null && (
              <Typography variant="pi" textColor={found.overdue ? 'danger600' : 'neutral600'}>
                {found.workingDaysLeft >= 0 ? t('panel.daysLeft', { days: found.workingDaysLeft }) : t('panel.overdueBy', { days: -found.workingDaysLeft })}
              </Typography>
            )}
            {found.overdue && found.workingDaysLeft === null && <Badge variant="danger">{t('panel.overdue')}</Badge>}
          </Flex>
        )
      )}
      {found.trackingCode && (
        <Typography variant="pi" textColor="neutral600">
          {t('panel.trackingCode')} {found.trackingCode}
        </Typography>
      )}
    </Flex>
  );
}

function Panel({ documentId, version, onChanged }: { documentId: string; version: string; onChanged: () => void }) {
  const { get } = useFetchClient();
  const t = useT();
  const [found, setFound] = React.useState<Case | null>(null);
  const [open, setOpen] = React.useState<StepForm | null>(null);
  // Taking a step reloads the request into the edit form: edits not yet saved would be lost.
  const unsaved = useForm('CasePanel', (state) => state.modified, false) === true;
  const [reload, setReload] = React.useState(0);

  React.useEffect(() => {
    let cancelled = false;
    get<{ data: Case }>(`/${PLUGIN_ID}/requests/${documentId}`).then(
      ({ data }) => !cancelled && setFound(data.data),
      () => !cancelled && setFound(null),
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, version, reload, get]);

  if (!found) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Clock found={found} />
      {found.actions.length > 0 ? (
        <>
          <Flex gap={2} wrap="wrap" data-testid="request-actions">
            {found.actions.map((form) => (
              <Button key={form.action} size="S" disabled={unsaved} variant={form.action === 'withdraw' ? 'danger-light' : 'secondary'} onClick={() => setOpen(form)}>
                {form.label}
              </Button>
            ))}
          </Flex>
          {unsaved && (
            <Typography variant="pi" textColor="warning600" data-testid="request-unsaved">
              {t('panel.saveFirst')}
            </Typography>
          )}
        </>
      ) : (
        <Typography variant="pi" textColor="neutral600">{t('panel.noActions')}</Typography>
      )}
      {open && (
        <StepModal
          documentId={documentId}
          version={found.version}
          form={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setReload((count) => count + 1);
            onChanged();
          }}
        />
      )}
      <Typography variant="sigma" textColor="neutral600">{t('panel.history')}</Typography>
      <Box tag="ol" data-testid="request-history">
        {found.steps.map((step) => (
          <Box tag="li" key={step.sequence} paddingBottom={2}>
            <Typography variant="omega" fontWeight="bold">
              {step.date} {step.actionLabel}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {[step.decisionLabel, step.decisionReasonLabel, step.replyTypeLabel, step.reason, step.dueOn ? `${t('panel.dueOn')} ${step.dueOn}` : null, step.actorName]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </Box>
        ))}
        {found.steps.length === 0 && <Typography variant="pi">{t('panel.empty')}</Typography>}
      </Box>
      {found.steps.length > 0 && (
        <Typography variant="pi" textColor={found.chain.valid ? 'success600' : 'danger600'}>
          {found.chain.valid ? t('panel.chain.valid') : t('panel.chain.broken', { sequence: found.chain.brokenAt })}
        </Typography>
      )}
    </Flex>
  );
}

function EditedRequestPanel({ model, collectionType, documentId, version }: { model: string; collectionType: string; documentId: string; version: string }) {
  const refetch = useRefetchEditedDocument(model, collectionType, documentId);
  return <Panel documentId={documentId} version={version} onChanged={refetch} />;
}

/** The side panel on a request's edit view: the clock, the steps this user may take, the history. */
export const CasePanel = ({ model, documentId, document, collectionType }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== REQUEST_UID) return null;
  const title = formatMessage({ id: `${PLUGIN_ID}.panel.title`, defaultMessage: 'Handling and time limit' });
  if (!documentId) return { title, content: <Typography variant="pi">{formatMessage({ id: `${PLUGIN_ID}.panel.unsaved`, defaultMessage: 'Save the request to handle it' })}</Typography> };
  const version = [document?.updatedAt, document?.status, document?.stepCount].map(String).join('|');
  return { title, content: <EditedRequestPanel model={model} collectionType={collectionType} documentId={documentId} version={version} /> };
};
