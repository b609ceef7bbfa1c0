import { SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { hasMessage, type Locale, problemText, type Translate, translate } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import type { DetailedError } from './portal-api';
import { sourceText } from './portal-format';
import type { PlanField, ValueSource } from './types';

export interface Town {
  code: string;
  name: string;
}

/** The text of one field error: ours for the field checks, the identity checks' own, else the server's. */
export function fieldErrorText(locale: Locale, error: DetailedError): string {
  const key = `portal.fieldError.${error.code}`;
  if (error.code && hasMessage(key)) return translate(locale, key);
  return problemText(locale, { code: error.code, detail: error.message }) ?? error.message;
}

/** The source of a pre-filled value, under the value: 来自电子证照·营业执照（…） or 来自实名身份. */
export function SourceNote({ code, source }: { code: string; source: ValueSource }) {
  const t = useT();
  return (
    <Typography.Text
      type="secondary"
      data-testid={`portal-source-${code}`}
      data-kind={source.kind}
      style={{ display: 'block', marginTop: 4 }}
    >
      {source.kind === 'identity' ? <UserOutlined /> : <SafetyCertificateOutlined />}{' '}
      {source.masked ? t('portal.source.masked', { source: sourceText(t, source) }) : sourceText(t, source)}
    </Typography.Text>
  );
}

/** The id a field's error links to. */
export const fieldAnchor = (code: string) => `portal-anchor-field-${code}`;

const upper = (value: string | undefined) => value?.replace(/\s+/g, '').toUpperCase();

function control(
  field: PlanField,
  t: Translate,
  name: (zh: string, en: string) => string,
  towns: Town[],
  locked: boolean,
) {
  const testId = `portal-field-${field.code}`;
  switch (field.type) {
    case 'longtext':
      return <Input.TextArea rows={3} maxLength={field.maxLength} readOnly={locked} data-testid={testId} />;
    case 'number':
    case 'integer':
      return (
        <InputNumber
          min={field.min}
          max={field.max}
          precision={field.type === 'integer' ? 0 : undefined}
          readOnly={locked}
          style={{ width: '100%', maxWidth: 320 }}
          data-testid={testId}
        />
      );
    case 'date':
      return <Input type="date" readOnly={locked} style={{ maxWidth: 320 }} data-testid={testId} />;
    case 'boolean':
      return (
        <Radio.Group disabled={locked} data-testid={testId}>
          <Radio value={true}>{t('portal.yes')}</Radio>
          <Radio value={false}>{t('portal.no')}</Radio>
        </Radio.Group>
      );
    case 'choice':
      return (field.options?.length ?? 0) <= 6 ? (
        <Radio.Group disabled={locked} data-testid={testId}>
          {field.options?.map((o) => (
            <Radio key={o.value} value={o.value} data-testid={`${testId}-${o.value}`}>
              {name(o.name.zh, o.name.en)}
            </Radio>
          ))}
        </Radio.Group>
      ) : (
        <Select
          showSearch
          optionFilterProp="label"
          disabled={locked}
          data-testid={testId}
          options={field.options?.map((o) => ({ value: o.value, label: name(o.name.zh, o.name.en) }))}
        />
      );
    case 'division':
      return (
        <Select
          showSearch
          optionFilterProp="label"
          disabled={locked}
          data-testid={testId}
          options={towns.map((town) => ({ value: town.code, label: town.name }))}
        />
      );
    case 'id_number':
    case 'uscc':
      return <Input className="zz-mono" maxLength={18} readOnly={locked} data-testid={testId} />;
    case 'phone':
      return (
        <Input type="tel" maxLength={20} readOnly={locked} style={{ maxWidth: 320 }} data-testid={testId} />
      );
    case 'address':
      return (
        <Input.TextArea autoSize maxLength={field.maxLength ?? 200} readOnly={locked} data-testid={testId} />
      );
    default:
      return <Input maxLength={field.maxLength} readOnly={locked} data-testid={testId} />;
  }
}

/** One form field from the dictionary, with the source of its pre-filled value. */
export function FormField({
  field,
  source,
  towns,
  matterNames,
}: {
  field: PlanField;
  source: ValueSource | undefined;
  towns: Town[];
  matterNames: string;
}) {
  const t = useT();
  const name = useLocalName();
  const locked = source?.kind === 'identity';
  return (
    <div id={fieldAnchor(field.code)}>
      <Form.Item
        name={field.code}
        label={name(field.name.zh, field.name.en)}
        required={field.required}
        rules={
          field.required ? [{ required: true, message: t('portal.fieldError.services.field.required') }] : []
        }
        normalize={field.type === 'id_number' || field.type === 'uscc' ? upper : undefined}
        tooltip={t('portal.form.usedBy', { matters: matterNames })}
        extra={
          <>
            {source && <SourceNote code={field.code} source={source} />}
            {locked && (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('portal.form.locked')}
              </Typography.Text>
            )}
          </>
        }
      >
        {control(field, t, name, towns, locked)}
      </Form.Item>
    </div>
  );
}
