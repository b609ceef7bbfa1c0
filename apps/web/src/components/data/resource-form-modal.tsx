import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Checkbox, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { FormModal } from '../form-modal';
import { useLoad } from '../use-load';
import {
  type DataResourceDetail,
  FORMATS,
  GRADES,
  type Grade,
  ITEM_TYPES,
  OPENING_TYPES,
  type OpeningType,
  PERSONAL_KINDS,
  type PersonalKind,
  SHARING_TYPES,
  type SharingType,
  UPDATE_CYCLES,
} from './types';

interface ItemValues {
  code: string;
  name: string;
  type: (typeof ITEM_TYPES)[number];
  grade: Grade;
  personalKind?: PersonalKind | null;
  authoritative?: boolean;
}

interface ResourceValues {
  classificationCode: string;
  name: string;
  providerDepartmentId: string;
  abstract: string;
  format: string;
  updateCycle: string;
  sharingType: SharingType;
  sharingCondition?: string;
  openingType: OpeningType;
  publishDate?: Dayjs | null;
  relatedCodes?: string[];
  keyItems?: string[];
  items: ItemValues[];
}

export interface ResourceFormModalProps {
  departments: { value: string; label: string }[];
  defaultDepartmentId?: string;
  /** Edit this resource (its code and classification stay) instead of registering a new one. */
  resource?: DataResourceDetail;
  onClose: () => void;
  /** After saving: the code, and for an edit the fields that changed (empty when none did). */
  onSaved: (saved: { id: string; code: string; changed?: string[] }) => void;
}

const EMPTY_ITEM: ItemValues = { code: '', name: '', type: 'string', grade: 'L1', authoritative: false };
// Code · name · type · grade · personal kind · authoritative · remove.
const ITEM_GRID =
  'minmax(120px,1.2fr) minmax(120px,1.2fr) minmax(100px,1fr) minmax(84px,0.7fr) minmax(120px,1fr) 90px 40px';

// The form's values for an existing resource.
function valuesOf(resource: DataResourceDetail): ResourceValues {
  return {
    classificationCode: resource.classificationCode,
    name: resource.name,
    providerDepartmentId: resource.providerDepartmentId,
    abstract: resource.abstract,
    format: resource.format,
    updateCycle: resource.updateCycle,
    sharingType: resource.sharingType,
    sharingCondition: resource.sharingCondition ?? undefined,
    openingType: resource.openingType,
    publishDate: resource.publishDate ? dayjs(resource.publishDate) : null,
    relatedCodes: resource.relatedCodes,
    keyItems: resource.keyItems,
    items: resource.items.map((item) => ({
      code: item.code,
      name: item.name,
      type: item.type as ItemValues['type'],
      grade: item.grade,
      personalKind: item.personalKind,
      authoritative: item.authoritative,
    })),
  };
}

/**
 * 登记 / 编辑数据资源: the national catalog fields, key items, related resources and an editable list
 * of graded items. On registration the server assigns the code; on edit the code is read-only.
 */
export function ResourceFormModal({
  departments,
  defaultDepartmentId,
  resource,
  onClose,
  onSaved,
}: ResourceFormModalProps) {
  const t = useT();
  const { elderMode } = usePreferences();
  const [form] = Form.useForm<ResourceValues>();
  const sharingType = Form.useWatch('sharingType', form);
  const items = Form.useWatch('items', form);
  const required = { required: true, message: t('common.required') };
  const relatable = useLoad(
    () =>
      unwrap(api.GET('/api/data/resources', { params: { query: { limit: 1000 } } })).then((page) =>
        page.items
          .filter((r) => r.code !== resource?.code)
          .map((r) => ({ value: r.code, label: `${r.code} ${r.name}` })),
      ),
    [resource?.code],
  );
  const keyItemOptions = (items ?? [])
    .filter((item) => item?.code && /^[a-z][a-z0-9_]{0,63}$/.test(item.code))
    .map((item) => ({ value: item.code, label: item.name ? `${item.name}（${item.code}）` : item.code }));

  const body = (values: ResourceValues) => ({
    name: values.name,
    providerDepartmentId: values.providerDepartmentId,
    abstract: values.abstract,
    format: values.format,
    updateCycle: values.updateCycle,
    sharingType: values.sharingType,
    sharingCondition: values.sharingType === 'conditional' ? (values.sharingCondition ?? null) : null,
    openingType: values.openingType,
    publishDate: values.publishDate ? values.publishDate.format('YYYY-MM-DD') : null,
    relatedCodes: values.relatedCodes ?? [],
    keyItems: values.keyItems ?? [],
    items: (values.items ?? []).map((item) => ({
      code: item.code.trim(),
      name: item.name,
      type: item.type,
      grade: item.grade,
      personalKind: item.personalKind ?? null,
      authoritative: item.authoritative ?? false,
    })),
  });

  const save = (values: ResourceValues) =>
    resource
      ? unwrap(
          api.PUT('/api/data/resources/{id}', { params: { path: { id: resource.id } }, body: body(values) }),
        )
      : unwrap(
          api.POST('/api/data/resources', {
            body: { classificationCode: values.classificationCode.trim(), ...body(values) },
          }),
        );

  return (
    <FormModal<ResourceValues, { id: string; code: string; changed?: string[] }>
      title={resource ? t('data.catalog.editTitle', { code: resource.code }) : t('data.catalog.register')}
      name="data-resource"
      form={form}
      width={elderMode ? 1400 : 1100}
      success={resource ? t('data.catalog.updated') : t('data.catalog.registered')}
      initialValues={
        resource
          ? valuesOf(resource)
          : {
              providerDepartmentId: defaultDepartmentId,
              format: '电子表格',
              updateCycle: '每月',
              sharingType: 'unconditional',
              openingType: 'closed',
              relatedCodes: [],
              keyItems: [],
              items: [EMPTY_ITEM],
            }
      }
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
          columnGap: 16,
        }}
      >
        {resource ? (
          <Form.Item label={t('data.field.code')}>
            <Input className="zz-mono" value={resource.code} readOnly data-testid="data-form-code" />
          </Form.Item>
        ) : (
          <Form.Item
            name="classificationCode"
            label={t('data.field.classificationCode')}
            extra={t('data.field.classificationHelp')}
            rules={[
              required,
              { pattern: /^[1-3]\d{5}(\d{3})?$/, message: t('data.field.classificationHelp') },
            ]}
          >
            <Input className="zz-mono" maxLength={9} inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('data.field.name')} rules={[required, { min: 2, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="providerDepartmentId" label={t('data.field.provider')} rules={[required]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={departments} />
        </Form.Item>
        <Form.Item name="format" label={t('data.field.format')} rules={[required]}>
          <Select options={FORMATS.map((value) => ({ value, label: value }))} />
        </Form.Item>
        <Form.Item name="updateCycle" label={t('data.field.updateCycle')} rules={[required]}>
          <Select options={UPDATE_CYCLES.map((value) => ({ value, label: value }))} />
        </Form.Item>
        <Form.Item name="publishDate" label={t('data.field.publishDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="sharingType" label={t('data.field.sharingType')} rules={[required]}>
          <Select options={SHARING_TYPES.map((value) => ({ value, label: t(`data.sharing.${value}`) }))} />
        </Form.Item>
        <Form.Item name="openingType" label={t('data.field.openingType')} rules={[required]}>
          <Select options={OPENING_TYPES.map((value) => ({ value, label: t(`data.opening.${value}`) }))} />
        </Form.Item>
      </div>
      {sharingType === 'conditional' && (
        <Form.Item name="sharingCondition" label={t('data.field.sharingCondition')} rules={[required]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      <Form.Item name="abstract" label={t('data.field.abstract')} rules={[required, { min: 10, max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="relatedCodes" label={t('data.field.relatedCodes')} extra={t('data.field.relatedHelp')}>
        <Select
          mode="multiple"
          allowClear
          loading={relatable.loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={relatable.data ?? []}
          maxCount={50}
        />
      </Form.Item>

      <Typography.Title level={5}>{t('data.items.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('data.items.gradeHelp')}</Typography.Paragraph>
      <Form.List name="items">
        {(fields, { add, remove }, { errors }) => (
          <div style={{ overflowX: 'auto' }}>
            <div style={{ minWidth: 760 }}>
              <div
                aria-hidden
                style={{
                  display: 'grid',
                  gridTemplateColumns: ITEM_GRID,
                  gap: 8,
                  fontWeight: 600,
                  marginBottom: 4,
                }}
              >
                <span>{t('data.items.code')}</span>
                <span>{t('data.items.name')}</span>
                <span>{t('data.items.type')}</span>
                <span>{t('data.items.grade')}</span>
                <span>{t('data.items.personalKind')}</span>
                <span>{t('data.items.authoritative')}</span>
                <span />
              </div>
              {fields.map((field, index) => {
                const row = t('data.items.row', { index: index + 1 });
                return (
                  <div
                    key={field.key}
                    data-testid="data-item-row"
                    style={{ display: 'grid', gridTemplateColumns: ITEM_GRID, gap: 8, alignItems: 'start' }}
                  >
                    <Form.Item
                      name={[field.name, 'code']}
                      rules={[
                        required,
                        { pattern: /^[a-z][a-z0-9_]{0,63}$/, message: t('data.items.codeHelp') },
                      ]}
                    >
                      <Input className="zz-mono" aria-label={`${row} ${t('data.items.code')}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} rules={[required]}>
                      <Input aria-label={`${row} ${t('data.items.name')}`} maxLength={60} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'type']} rules={[required]}>
                      <Select
                        aria-label={`${row} ${t('data.items.type')}`}
                        options={ITEM_TYPES.map((value) => ({ value, label: t(`data.type.${value}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'grade']} rules={[required]}>
                      <Select
                        aria-label={`${row} ${t('data.items.grade')}`}
                        data-testid="data-item-grade"
                        options={GRADES.map((value) => ({ value, label: value }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'personalKind']}>
                      <Select
                        allowClear
                        aria-label={`${row} ${t('data.items.personalKind')}`}
                        placeholder={t('common.none')}
                        options={PERSONAL_KINDS.map((value) => ({
                          value,
                          label: t(`data.personal.${value}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'authoritative']} valuePropName="checked">
                      <Checkbox aria-label={`${row} ${t('data.items.authoritative')}`}>
                        {t('data.items.authoritativeMark')}
                      </Checkbox>
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${row} ${t('common.remove')}`}
                      disabled={fields.length <= 1}
                      onClick={() => remove(field.name)}
                    />
                  </div>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="data-item-add"
                onClick={() => add({ ...EMPTY_ITEM })}
                style={{ marginTop: 4 }}
              >
                {t('data.items.add')}
              </Button>
            </div>
          </div>
        )}
      </Form.List>
      <Form.Item
        name="keyItems"
        label={t('data.field.keyItems')}
        extra={t('data.field.keyItemsHelp')}
        style={{ marginTop: 16 }}
      >
        <Select mode="multiple" allowClear options={keyItemOptions} maxCount={10} />
      </Form.Item>
    </FormModal>
  );
}
