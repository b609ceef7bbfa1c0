import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Checkbox, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { FormModal } from '../form-modal';
import {
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
  items: ItemValues[];
}

export interface ResourceFormModalProps {
  departments: { value: string; label: string }[];
  defaultDepartmentId?: string;
  onClose: () => void;
  onSaved: (registered: { id: string; code: string }) => void;
}

const EMPTY_ITEM: ItemValues = { code: '', name: '', type: 'string', grade: 'L1', authoritative: false };
// Code · name · type · grade · personal kind · authoritative · remove.
const ITEM_GRID =
  'minmax(120px,1.2fr) minmax(120px,1.2fr) minmax(100px,1fr) minmax(84px,0.7fr) minmax(120px,1fr) 90px 40px';

/** 登记数据资源: the national catalog fields and an editable list of graded items; the server assigns the code. */
export function ResourceFormModal({
  departments,
  defaultDepartmentId,
  onClose,
  onSaved,
}: ResourceFormModalProps) {
  const t = useT();
  const { elderMode } = usePreferences();
  const [form] = Form.useForm<ResourceValues>();
  const sharingType = Form.useWatch('sharingType', form);
  const required = { required: true, message: t('common.required') };

  const save = (values: ResourceValues) =>
    unwrap(
      api.POST('/api/data/resources', {
        body: {
          classificationCode: values.classificationCode.trim(),
          name: values.name,
          providerDepartmentId: values.providerDepartmentId,
          abstract: values.abstract,
          format: values.format,
          updateCycle: values.updateCycle,
          sharingType: values.sharingType,
          sharingCondition: values.sharingType === 'conditional' ? (values.sharingCondition ?? null) : null,
          openingType: values.openingType,
          publishDate: values.publishDate ? values.publishDate.format('YYYY-MM-DD') : null,
          items: (values.items ?? []).map((item) => ({
            code: item.code.trim(),
            name: item.name,
            type: item.type,
            grade: item.grade,
            personalKind: item.personalKind ?? null,
            authoritative: item.authoritative ?? false,
          })),
        },
      }),
    );

  return (
    <FormModal<ResourceValues, { id: string; code: string }>
      title={t('data.catalog.register')}
      name="data-resource"
      form={form}
      width={elderMode ? 1400 : 1100}
      success={t('data.catalog.registered')}
      initialValues={{
        providerDepartmentId: defaultDepartmentId,
        format: '电子表格',
        updateCycle: '每月',
        sharingType: 'unconditional',
        openingType: 'closed',
        items: [EMPTY_ITEM],
      }}
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
        <Form.Item
          name="classificationCode"
          label={t('data.field.classificationCode')}
          extra={t('data.field.classificationHelp')}
          rules={[required, { pattern: /^[1-3]\d{5}(\d{3})?$/, message: t('data.field.classificationHelp') }]}
        >
          <Input className="zz-mono" maxLength={9} inputMode="numeric" />
        </Form.Item>
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
    </FormModal>
  );
}
