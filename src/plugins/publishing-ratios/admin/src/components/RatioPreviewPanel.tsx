import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { INTERPRETATION_UID, PLUGIN_ID } from '../pluginId';
import { RatioBar, type RatioResult } from './RatioBar';

interface Evaluation {
  counts: { total: number };
  diverse: RatioResult;
  offWebsite: RatioResult;
}

interface Preview {
  period: string;
  before: Evaluation;
  after: Evaluation;
  allowed: boolean;
  breaches: ('diverse' | 'offWebsite')[];
}

interface PanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

function Preview({ documentId, version }: { documentId: string; version: string }) {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const [preview, setPreview] = React.useState<Preview | null | undefined>(undefined);

  React.useEffect(() => {
    let cancelled = false;
    get<{ data: Preview | null }>(`/${PLUGIN_ID}/preview/${documentId}`).then(
      ({ data }) => !cancelled && setPreview(data.data),
      () => !cancelled && setPreview(null),
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, version, get]);

  if (preview === undefined) return null;
  if (preview === null) return <Typography variant="pi">{t('panel.unknown')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="ratio-preview">
      <Typography variant="pi" textColor="neutral600">{t('panel.period', { period: preview.period })}</Typography>
      {(['diverse', 'offWebsite'] as const).map((kind) => (
        <Flex key={kind} direction="column" alignItems="stretch" gap={1}>
          <Typography variant="sigma" textColor="neutral600">{t(`table.${kind}`)}</Typography>
          <Typography variant="pi">{t('panel.before')}</Typography>
          <RatioBar result={preview.before[kind]} />
          <Typography variant="pi">{t('panel.after')}</Typography>
          <RatioBar result={preview.after[kind]} testId={`ratio-after-${kind}`} />
        </Flex>
      ))}
      {preview.breaches.length > 0 && (
        <Typography variant="omega" textColor="danger600" data-testid="ratio-verdict">
          {preview.allowed ? t('panel.warn') : t('panel.block')}
        </Typography>
      )}
    </Flex>
  );
}

/** On an interpretation's edit view: what publishing it would do to its organization's ratios. */
export const RatioPreviewPanel = ({ model, documentId, document }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== INTERPRETATION_UID || !documentId) return null;
  const version = [document?.updatedAt, document?.publishedAt].map(String).join('|');
  return {
    title: formatMessage({ id: `${PLUGIN_ID}.panel.title`, defaultMessage: 'Publishing ratios' }),
    content: <Preview documentId={documentId} version={version} />,
  };
};
