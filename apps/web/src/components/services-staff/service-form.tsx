import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Form, type FormInstance, Input, InputNumber, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocalName, useT } from '../../i18n/use-t';
import type { PlanField, ValueSource } from './types';

/** Where a pre-filled value came from, as a tag beside the field (一证通办). */
export function SourceTag({ source }: { source: ValueSource | undefined }) {
  const t = useT();
  if (!source) return null;
  const from =
    source.kind === 'identity'
      ? t('govStaff.source.identity')
      : source.kind === 'certificate'
        ? t('govStaff.source.certificate', { name: source.certificateName ?? source.certificateType ?? '' })
        : t('govStaff.source.resource', { name: source.resourceName ?? source.resourceCode ?? '' });
  const detail = [
    source.providerDepartmentName,
    source.approvalNumber ? t('govStaff.source.approval', { number: source.approvalNumber }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={detail || undefined}>
      <Tag
        color={source.masked ? 'orange' : 'green'}
        icon={<SafetyCertificateOutlined />}
        data-testid="services-field-source"
        data-kind={source.kind}
      >
        {from}
        {source.masked ? ` · ${t('govStaff.source.masked')}` : ''}
      </Tag>
    </Tooltip>
  );
}

function inputFor(field: PlanField, localName: (zh: string, en?: string | null) => string, locked: boolean) {
  const common = { disabled: locked, 'data-testid': `services-field-${field.code}` };
  switch (field.type) {
    case 'longtext':
      return <Input.TextArea rows={3} maxLength={field.maxLength} {...common} />;
    case 'number':
    case 'integer':
      return (
        <InputNumber
          style={{ width: '100%' }}
          min={field.min}
          max={field.max}
          precision={field.type === 'integer' ? 0 : undefined}
          {...common}
        />
      );
    case 'boolean':
      return <Switch {...common} />;
    case 'choice':
      return (
        <Select
          allowClear
          options={(field.options ?? []).map((o) => ({
            value: o.value,
            label: localName(o.name.zh, o.name.en),
          }))}
          {...common}
        />
      );
    case 'date':
      return <Input type="date" {...common} />;
    default:
      return (
        <Input maxLength={field.maxLength ?? (field.type === 'division' ? 12 : undefined)} {...common} />
      );
  }
}

export interface ServiceFormProps {
  form: FormInstance;
  fields: PlanField[];
  sources: Record<string, ValueSource>;
  /** The matters each field is asked for, shown when the plan has several. */
  matterName?: (code: string) => string;
  readOnly?: boolean;
  extra?: ReactNode;
}

/**
 * The one form of an application, rendered from the plan (generic over the field dictionary):
 * each pre-filled value shows its source; the applicant's own identifier cannot be changed.
 */
export function ServiceForm({ form, fields, sources, matterName, readOnly, extra }: ServiceFormProps) {
  const t = useT();
  const localName = useLocalName();
  return (
    <Form form={form} layout="vertical" disabled={readOnly} data-testid="services-form">
      {fields.map((field) => {
        const source = sources[field.code];
        const locked = source?.kind === 'identity';
        return (
          <Form.Item
            key={field.code}
            name={field.code}
            label={
              <span>
                {localName(field.name.zh, field.name.en)} <SourceTag source={source} />
              </span>
            }
            valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
            rules={field.required ? [{ required: true, message: t('govStaff.form.required') }] : []}
            extra={
              matterName && field.matters.length > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>
                  {field.matters.map(matterName).join('、')}
                </Typography.Text>
              ) : undefined
            }
          >
            {inputFor(field, localName, locked)}
          </Form.Item>
        );
      })}
      {extra}
    </Form>
  );
}

/** A form value as text for reading (the handler's view). */
export function valueText(
  field: PlanField,
  value: unknown,
  localName: (zh: string, en?: string | null) => string,
  yesNo: [string, string],
): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.type === 'boolean') return value ? yesNo[0] : yesNo[1];
  if (field.type === 'choice') {
    const option = field.options?.find((o) => o.value === value);
    return option ? localName(option.name.zh, option.name.en) : String(value);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
