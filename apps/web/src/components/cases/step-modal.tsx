import { unwrap } from '@zhizhi/api-client';
import { Form, Input, Modal, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import type { CaseLabels } from './case-labels';
import { useGovernanceLookups } from './lookups';
import { PhotoUpload } from './photos';
import { DepartmentPicker, DepartmentsPicker, StaffPicker } from './pickers';
import type { CaseDetail, CaseStep, CaseType } from './types';
import { useCaseAction } from './use-case-action';

/** The case as far as a step needs it (a queue row's detail, or the page's). */
export type StepTarget = Pick<CaseDetail, 'id' | 'number' | 'version' | 'departmentId' | 'type'>;

export interface StepModalProps {
  target: StepTarget;
  step: CaseStep;
  labels: CaseLabels;
  onClose: () => void;
  /** The step was taken. */
  onDone: () => void;
  /** Someone else moved the case first: reload it. */
  onConflict: () => void;
}

type StepValues = {
  note?: string;
  departmentId?: string;
  coDepartmentIds?: string[];
  assigneeId?: string;
} & Record<string, unknown>;

function FieldInput({ field, ...props }: { field: CaseType['fields'][number] }) {
  const localName = useLocalName();
  if (field.type === 'attachments') return <PhotoUpload {...props} />;
  if (field.type === 'choice')
    return (
      <Select
        {...props}
        options={field.options?.map((o) => ({ value: o.value, label: localName(o.name.zh, o.name.en) }))}
      />
    );
  if (field.type === 'longtext') return <Input.TextArea {...props} rows={4} maxLength={2000} showCount />;
  return <Input {...props} maxLength={200} />;
}

/**
 * One step on a case, asking exactly what the step needs: a note when it must be explained, the
 * department (and co-handlers) when it routes, the person when it assigns, and its required fields
 * (办结: result and photos). It sends the version the user saw.
 */
export function StepModal({ target, step, labels, onClose, onDone, onConflict }: StepModalProps) {
  const t = useT();
  const localName = useLocalName();
  const lookups = useGovernanceLookups();
  const [form] = Form.useForm<StepValues>();
  const chosenDepartment = Form.useWatch('departmentId', form);
  const { pending, run } = useCaseAction(() => {
    onClose();
    onConflict();
  });
  const stepName = localName(step.name.zh, step.name.en);
  const fields = step.requires.flatMap((code) => target.type.fields.filter((f) => f.code === code));

  const submit = async (values: StepValues) => {
    const data = Object.fromEntries(
      fields.map((f) => [
        f.code,
        typeof values[f.code] === 'string' ? String(values[f.code]).trim() : values[f.code],
      ]),
    );
    const done = await run(
      () =>
        unwrap(
          api.POST('/api/cases/{id}/transitions', {
            params: { path: { id: target.id } },
            body: {
              transition: step.code,
              expectedVersion: target.version,
              note: values.note?.trim() || undefined,
              data: fields.length ? data : undefined,
              departmentId: step.department === 'input' ? values.departmentId : undefined,
              coDepartmentIds:
                step.coHandling && values.coDepartmentIds?.length ? values.coDepartmentIds : undefined,
              assigneeId: step.assign === 'input' ? values.assigneeId : undefined,
            },
          }),
        ),
      { form, success: t('cases.stepDone', { step: stepName }) },
    );
    if (done) onDone();
  };

  const required = (label: ReactNode) => [
    { required: true, whitespace: true, message: t('cases.requiredField', { field: String(label) }) },
  ];
  return (
    <Modal
      open
      title={`${stepName} · ${target.number}`}
      okText={stepName}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      data-testid="step-modal"
    >
      <Form form={form} name={`step-${step.code}`} layout="vertical" onFinish={submit}>
        {step.department === 'input' && (
          <>
            <Form.Item
              name="departmentId"
              label={t('cases.toDepartment')}
              rules={[{ required: true, message: t('cases.pickDepartment') }]}
              extra={
                target.departmentId
                  ? t('cases.currentDepartment', { department: lookups.departmentName(target.departmentId) })
                  : undefined
              }
            >
              <DepartmentPicker />
            </Form.Item>
            {step.coHandling && (
              <Form.Item
                name="coDepartmentIds"
                label={t('cases.coDepartments')}
                extra={t('cases.coDepartmentsHelp')}
              >
                <DepartmentsPicker exclude={[chosenDepartment]} />
              </Form.Item>
            )}
          </>
        )}
        {step.assign === 'input' && (
          <Form.Item
            name="assigneeId"
            label={t('cases.assignee')}
            rules={[{ required: true, message: t('cases.pickPerson') }]}
          >
            <StaffPicker departmentId={chosenDepartment ?? target.departmentId} />
          </Form.Item>
        )}
        {fields.map((field) => {
          const label = labels.fieldName(field.code);
          return (
            <Form.Item
              key={field.code}
              name={field.code}
              label={label}
              rules={
                field.type === 'attachments'
                  ? [{ required: true, type: 'array', min: 1, message: t('cases.photosRequired') }]
                  : required(label)
              }
            >
              <FieldInput field={field} />
            </Form.Item>
          );
        })}
        <Form.Item
          name="note"
          label={step.noteRequired ? t('cases.reason') : t('cases.note')}
          rules={step.noteRequired ? required(t('cases.reason')) : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {step.noteRequired && <Typography.Text type="secondary">{t('cases.reasonHelp')}</Typography.Text>}
      </Form>
    </Modal>
  );
}
