import * as React from 'react';
import { Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, TextInput, Textarea } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { FormField, StepForm } from '../../../../../domain/request-step-forms';
import { PLUGIN_ID } from '../pluginId';

interface Props {
  documentId: string;
  /** The request's version the form was opened on: a step taken meanwhile makes this one a 409. */
  version: string | null;
  form: StepForm;
  onClose: () => void;
  onDone: () => void;
}

interface ApiError {
  response?: { data?: { error?: { message?: string; details?: { errors?: { path: string[]; message: string }[] } } } };
}

const chinaToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * The form of one step, built from what the server says the step takes: its fields, labels and
 * choices. The server checks the step against the law's rules and answers in Chinese, naming the
 * field; that message is shown under the field.
 */
export function StepModal({ documentId, version, form, onClose, onDone }: Props) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
  const [values, setValues] = React.useState<Record<string, string>>({ date: chinaToday() });
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [submitting, setSubmitting] = React.useState(false);
  // A reason chosen under another decision does not belong to the new one.
  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value, ...(name === 'decision' ? { decisionReason: '' } : {}) }));

  /** A decision's reasons are those of the decision chosen; a field of no choices left is not shown. */
  const choicesOf = (field: FormField) => (field.name === 'decisionReason' ? (field.choices ?? []).filter((choice) => choice.of === values.decision) : (field.choices ?? []));
  const shown = form.fields.filter((field) => field.kind !== 'choice' || choicesOf(field).length > 0);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setErrors({});
    const body: Record<string, string> = { action: form.action };
    for (const field of shown) if (values[field.name]) body[field.name] = values[field.name];
    try {
      await post(`/${PLUGIN_ID}/requests/${documentId}/steps`, body, version ? { headers: { 'If-Match': version } } : undefined);
      toggleNotification({ type: 'success', message: t('form.success', { action: form.label }) });
      onDone();
    } catch (error) {
      const answer = (error as ApiError).response?.data?.error;
      setErrors(Object.fromEntries((answer?.details?.errors ?? []).map((e) => [e.path.join('.'), e.message])));
      toggleNotification({ type: 'danger', message: answer?.message ?? String(error) });
    } finally {
      setSubmitting(false);
    }
  }

  const input = (field: FormField) => {
    const value = values[field.name] ?? '';
    if (field.kind === 'longtext') return <Textarea value={value} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set(field.name, e.target.value)} />;
    if (field.kind === 'choice') {
      return (
        <SingleSelect placeholder={t('form.choose')} value={value || undefined} onChange={(chosen: string | number) => set(field.name, String(chosen))}>
          {choicesOf(field).map((choice) => (
            <SingleSelectOption key={choice.value} value={choice.value}>
              {choice.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      );
    }
    return (
      <TextInput
        type={field.kind === 'date' ? 'date' : 'text'}
        inputMode={field.kind === 'amount' ? 'decimal' : undefined}
        value={value}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(field.name, e.target.value)}
      />
    );
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header>
            <Modal.Title>{t('form.title', { action: form.label })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {shown.map((field) => (
                <Field.Root key={field.name} name={field.name} error={errors[field.name]} hint={field.hint} required={field.required}>
                  <Field.Label>{field.label}</Field.Label>
                  {input(field)}
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              ))}
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
