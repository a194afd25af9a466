import * as React from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { LIFECYCLE_RULES, VALIDITY_LABELS, type TransitionAction, type Validity } from '../../../../../domain/lifecycle';
import { DOCUMENT_UID, PLUGIN_ID } from '../pluginId';
import { TransitionModal } from './TransitionModal';
import { useRefetchEditedDocument } from '../../../../../admin/edited-document';

interface PanelProps {
  model: string;
  collectionType: string;
  documentId?: string;
  document?: Record<string, unknown>;
  activeTab: 'draft' | 'published' | null;
}

export interface HistoryEvent {
  sequence: number;
  action: string;
  from: string | null;
  to: string;
  date: string;
  basisNumber: string | null;
  basisReference: string | null;
  reason: string | null;
  actor: string;
  actorName: string | null;
}

interface History {
  events: HistoryEvent[];
  chain: { valid: true } | { valid: false; brokenAt: number };
}

/** Actions an editor starts; expiry and entry into force follow the calendar. */
const MANUAL: TransitionAction[] = ['amend', 'revise', 'repeal', 'declare_invalid', 'renew'];

const VARIANT: Record<Validity, 'success' | 'secondary' | 'warning' | 'danger' | 'neutral'> = {
  pending: 'secondary',
  in_force: 'success',
  amended: 'warning',
  repealed: 'danger',
  expired: 'neutral',
};

function Panel({ documentId, version, onChanged }: { documentId: string; version: string; onChanged: () => void }) {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const [history, setHistory] = React.useState<History | null>(null);
  const [open, setOpen] = React.useState<TransitionAction | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    get<{ data: History }>(`/${PLUGIN_ID}/normative-documents/${documentId}/history`).then(
      ({ data }) => !cancelled && setHistory(data.data),
      () => !cancelled && setHistory({ events: [], chain: { valid: true } }),
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, version, get]);

  const validity = (history?.events.at(-1)?.to ?? null) as Validity | null;
  const actions = validity ? MANUAL.filter((action) => LIFECYCLE_RULES[action].from.includes(validity)) : [];

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} data-testid="lifecycle-validity">
        <Typography variant="sigma" textColor="neutral600">{t('panel.validity')}</Typography>
        {validity ? <Badge variant={VARIANT[validity]}>{VALIDITY_LABELS[validity]}</Badge> : <Typography variant="pi">{t('panel.noValidity')}</Typography>}
      </Flex>
      {actions.length > 0 && (
        <Flex gap={2} wrap="wrap">
          {actions.map((action) => (
            <Button key={action} size="S" variant={action === 'renew' ? 'secondary' : 'danger-light'} onClick={() => setOpen(action)}>
              {t(`action.${action}`)}
            </Button>
          ))}
        </Flex>
      )}
      {open && (
        <TransitionModal
          documentId={documentId}
          action={open}
          label={t(`action.${open}`)}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      )}
      <Typography variant="sigma" textColor="neutral600">{t('panel.history')}</Typography>
      <Box tag="ol" data-testid="lifecycle-history">
        {(history?.events ?? []).map((event) => (
          <Box tag="li" key={event.sequence} paddingBottom={2}>
            <Typography variant="omega" fontWeight="bold">
              {event.date} {t(`action.${event.action}`)} → {VALIDITY_LABELS[event.to as Validity] ?? event.to}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {[event.basisNumber, event.basisReference, event.reason, event.actor === 'system' ? t('actor.system') : event.actorName ?? event.actor]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </Box>
        ))}
        {history && history.events.length === 0 && <Typography variant="pi">{t('panel.empty')}</Typography>}
      </Box>
      {history && history.events.length > 0 && (
        <Typography variant="pi" textColor={history.chain.valid ? 'success600' : 'danger600'}>
          {history.chain.valid ? t('panel.chain.valid') : t('panel.chain.broken', { sequence: history.chain.brokenAt })}
        </Typography>
      )}
    </Flex>
  );
}

function EditedDocumentPanel({ model, collectionType, documentId, version }: { model: string; collectionType: string; documentId: string; version: string }) {
  const refetch = useRefetchEditedDocument(model, collectionType, documentId);
  return <Panel documentId={documentId} version={version} onChanged={refetch} />;
}

/** The side panel on a normative document's edit view: validity, transition buttons, history. */
export const LifecyclePanel = ({ model, documentId, document, collectionType }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== DOCUMENT_UID || !documentId) return null;
  // Publishing, saving or a transition (which refetches the document) changes these; the history
  // is fetched again each time.
  const version = [document?.publishedAt, document?.updatedAt, document?.validity, document?.validUntil].map(String).join('|');
  return {
    title: formatMessage({ id: `${PLUGIN_ID}.panel.title`, defaultMessage: 'Validity and lifecycle' }),
    content: <EditedDocumentPanel model={model} collectionType={collectionType} documentId={documentId} version={version} />,
  };
};
