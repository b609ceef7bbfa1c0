import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Form, Input, Typography, type UploadFile } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import type { LngLat } from '../map';
import { CategoryCascader } from './category-cascader';
import { LocationPicker } from './location-picker';
import { isUploading, PhotoUploader, uploadedIds } from './photo-uploader';
import type { EventCategory, Region, ReportPayload, StoredFile } from './report-api';
import { reportProblem } from './report-problem';

/** Same rule as the server: a mobile, or a landline with area code. */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

interface ReportFormValues {
  categoryCode?: string;
  description?: string;
  location?: LngLat | null;
  address?: string;
  photos?: UploadFile<StoredFile>[];
  reporterName?: string;
  reporterPhone?: string;
  divisionCode?: string;
}

export interface EventReportFormProps {
  /** The form's name; it prefixes the field ids. */
  name: string;
  categories: readonly EventCategory[] | undefined;
  region: Region | undefined;
  uploadPhoto: (file: File) => Promise<StoredFile>;
  /** Citizens may leave a name and phone; staff are known already. */
  withContact: boolean;
  /** Extra fields after the photos (the grid worker's division). */
  extraFields?: ReactNode;
  submitText: string;
  submit: (payload: ReportPayload) => Promise<void>;
}

const optional = (text: string | undefined) => text?.trim() || undefined;

/**
 * One event report, as citizens and grid workers give it: category, description, location on the
 * map, address and photos (and, for citizens, a contact). Server errors land on their fields.
 */
export function EventReportForm(props: EventReportFormProps) {
  const { name, categories, region, withContact, extraFields, submitText, submit } = props;
  const t = useT();
  const { locale } = usePreferences();
  const [form] = Form.useForm<ReportFormValues>();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();

  const finish = async (values: ReportFormValues) => {
    setFailure(undefined);
    if (isUploading(values.photos)) {
      setFailure(t('public.form.photosUploading'));
      return;
    }
    setPending(true);
    try {
      await submit({
        categoryCode: values.categoryCode ?? '',
        description: (values.description ?? '').trim(),
        location: values.location as LngLat,
        address: optional(values.address),
        photos: uploadedIds(values.photos),
        reporterName: optional(values.reporterName),
        reporterPhone: optional(values.reporterPhone),
        divisionCode: values.divisionCode || undefined,
      });
    } catch (error) {
      const { summary, fields } = reportProblem(problemOf(error), locale);
      setFailure(summary);
      form.setFields(fields);
      if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Form<ReportFormValues>
      form={form}
      name={name}
      layout="vertical"
      onFinish={finish}
      onFinishFailed={({ errorFields }) => {
        setFailure(undefined);
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
      }}
      scrollToFirstError={false}
      requiredMark="optional"
    >
      <Form.Item
        label={t('public.form.category')}
        name="categoryCode"
        rules={[{ required: true, message: t('public.form.categoryRequired') }]}
      >
        <CategoryCascader categories={categories ?? []} loading={!categories} />
      </Form.Item>
      <Form.Item
        label={t('public.form.description')}
        name="description"
        rules={[
          { required: true, whitespace: true, message: t('public.form.descriptionLength') },
          {
            validator: (_, text: string | undefined) => {
              const length = text?.trim().length ?? 0;
              return length === 0 || (length >= 5 && length <= 2000)
                ? Promise.resolve()
                : Promise.reject(new Error(t('public.form.descriptionLength')));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          placeholder={t('public.form.descriptionPlaceholder')}
          data-testid="report-description"
        />
      </Form.Item>
      <Form.Item
        label={t('public.form.location')}
        name="location"
        extra={t('public.form.locationHelp')}
        rules={[{ required: true, message: t('public.form.locationRequired') }]}
      >
        <LocationPicker region={region} />
      </Form.Item>
      <Form.Item
        label={t('public.form.address')}
        name="address"
        rules={[{ max: 200, message: t('public.form.addressTooLong') }]}
      >
        <Input
          maxLength={200}
          placeholder={t('public.form.addressPlaceholder')}
          data-testid="report-address"
        />
      </Form.Item>
      <Form.Item label={t('public.form.photos')} name="photos" extra={t('public.form.photosHelp')}>
        <PhotoUploader upload={props.uploadPhoto} />
      </Form.Item>
      {extraFields}
      {withContact && (
        <section aria-label={t('public.form.contact')}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('public.form.contact')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" data-testid="contact-note">
            {t('public.form.contactNote')}
          </Typography.Paragraph>
          <Form.Item
            label={t('public.form.name')}
            name="reporterName"
            rules={[{ max: 40, message: t('public.form.nameTooLong') }]}
          >
            <Input maxLength={40} autoComplete="name" data-testid="report-name" />
          </Form.Item>
          <Form.Item
            label={t('public.form.phone')}
            name="reporterPhone"
            rules={[{ pattern: PHONE, message: t('public.form.phoneInvalid') }]}
            normalize={(value: string) => value.replace(/\s+/g, '')}
          >
            <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="report-phone" />
          </Form.Item>
        </section>
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure}
          style={{ marginBottom: 16 }}
          data-testid="report-error"
        />
      )}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={pending}
        data-testid="report-submit"
      >
        {submitText}
      </Button>
    </Form>
  );
}
