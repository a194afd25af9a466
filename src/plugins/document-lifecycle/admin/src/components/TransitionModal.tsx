import * as React from 'react';
import { Button, Combobox, ComboboxOption, Field, Flex, Modal, TextInput, Textarea } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { LIFECYCLE_RULES, type TransitionAction } from '../../../../../domain/lifecycle';
import { PLUGIN_ID } from '../pluginId';

interface Props {
  documentId: string;
  action: TransitionAction;
  label: string;
  onClose: () => void;
  onDone: () => void;
}

interface Candidate {
  documentId: string;
  title: string;
  documentNumber: string | null;
}

interface ApiError {
  response?: { data?: { error?: { message?: string; details?: { errors?: { path: string[]; message: string }[] } } } };
}

const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The small form behind a transition button; the server applies the rule and answers in its own words. */
export function TransitionModal({ documentId, action, label, onClose, onDone }: Props) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const rule = LIFECYCLE_RULES[action];

  const [date, setDate] = React.useState(today());
  const [basis, setBasis] = React.useState<string | undefined>();
  const [query, setQuery] = React.useState('');
  const [candidates, setCandidates] = React.useState<Candidate[]>([]);
  const [basisReference, setBasisReference] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [validUntil, setValidUntil] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [submitting, setSubmitting] = React.useState(false);

  React.useEffect(() => {
    if (rule.basis === 'none') return;
    let cancelled = false;
    get<{ data: Candidate[] }>(`/${PLUGIN_ID}/normative-documents/basis-candidates`, { params: { q: query, exclude: documentId } }).then(
      ({ data }) => !cancelled && setCandidates(data.data),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [query, documentId, rule.basis, get]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setErrors({});
    try {
      await post(`/${PLUGIN_ID}/normative-documents/${documentId}/transitions`, {
        action,
        date,
        basisDocumentId: basis,
        basisReference: basisReference || undefined,
        reason: reason || undefined,
        validUntil: validUntil || undefined,
      });
      toggleNotification({ type: 'success', message: t('form.success', { action: label }) });
      onDone();
    } catch (error) {
      const body = (error as ApiError).response?.data?.error;
      const fieldErrors = Object.fromEntries((body?.details?.errors ?? []).map((e) => [e.path.join('.'), e.message]));
      setErrors(fieldErrors);
      toggleNotification({ type: 'danger', message: body?.message ?? String(error) });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header>
            <Modal.Title>{t('form.title', { action: label })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="date" error={errors.date} required>
                <Field.Label>{t('form.date')}</Field.Label>
                <TextInput type="date" value={date} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDate(e.target.value)} />
                <Field.Error />
              </Field.Root>
              {rule.basis !== 'none' && (
                <Field.Root name="basisDocumentId" error={errors.basisDocumentId} required={rule.basis === 'document'}>
                  <Field.Label>{t('form.basis')}</Field.Label>
                  <Combobox
                    autocomplete="none"
                    placeholder={t('form.basis.placeholder')}
                    value={basis}
                    onChange={(value?: string) => setBasis(value)}
                    onInputChange={(e: React.ChangeEvent<HTMLInputElement>) => setQuery(e.target.value)}
                    onClear={() => setBasis(undefined)}
                  >
                    {candidates.map((candidate) => (
                      <ComboboxOption key={candidate.documentId} value={candidate.documentId}>
                        {[candidate.documentNumber, candidate.title].filter(Boolean).join(' ')}
                      </ComboboxOption>
                    ))}
                  </Combobox>
                  <Field.Error />
                </Field.Root>
              )}
              {rule.basis === 'document_or_reference' && (
                <Field.Root name="basisReference" error={errors.basisReference}>
                  <Field.Label>{t('form.basisReference')}</Field.Label>
                  <TextInput value={basisReference} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setBasisReference(e.target.value)} />
                  <Field.Error />
                </Field.Root>
              )}
              {action === 'renew' && (
                <Field.Root name="validUntil" error={errors.validUntil} required>
                  <Field.Label>{t('form.validUntil')}</Field.Label>
                  <TextInput type="date" value={validUntil} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValidUntil(e.target.value)} />
                  <Field.Error />
                </Field.Root>
              )}
              <Field.Root name="reason" error={errors.reason}>
                <Field.Label>{t('form.reason')}</Field.Label>
                <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
                <Field.Error />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('form.cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={submitting}>
              {t('form.submit')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}
