import { type Grid, unwrap } from '@zhizhi/api-client';
import { Form, Input, Select } from 'antd';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { DivisionPicker } from './division-picker';
import { FormModal } from './form-modal';
import { useLoad } from './use-load';

interface GridForm {
  code: string;
  name: string;
  villageCode: string;
  parentId?: string | null;
}

export interface GridFormModalProps {
  /** `'new'` = create; a grid = rename it. */
  editing: Grid | 'new';
  /** Village preselected from the page filter. */
  defaultVillageCode?: string;
  onClose: () => void;
  onSaved: () => void;
}

export function GridFormModal({ editing, defaultVillageCode, onClose, onSaved }: GridFormModalProps) {
  const t = useT();
  const [form] = Form.useForm<GridForm>();
  const existing = editing !== 'new' ? editing : null;
  const villageCode = Form.useWatch('villageCode', form);
  // A micro-grid's parent must be a grid of the same village.
  const siblings = useLoad(
    async () =>
      villageCode && !existing
        ? (await unwrap(api.GET('/api/org/grids', { params: { query: { villageCode } } }))).items
        : [],
    [villageCode, existing],
  );

  const save = (values: GridForm) =>
    existing
      ? unwrap(
          api.PATCH('/api/org/grids/{id}', {
            params: { path: { id: existing.id } },
            body: { name: values.name },
          }),
        )
      : unwrap(
          api.POST('/api/org/grids', {
            body: {
              code: values.code,
              name: values.name,
              villageCode: values.villageCode,
              parentId: values.parentId ?? null,
            },
          }),
        );

  return (
    <FormModal
      title={existing ? t('grids.edit') : t('grids.create')}
      name="grid"
      form={form}
      initialValues={existing ?? { villageCode: defaultVillageCode }}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item
        label={t('grids.code')}
        name="code"
        extra={existing ? undefined : t('grids.codeHelp')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input disabled={!!existing} className="zz-mono" />
      </Form.Item>
      <Form.Item
        label={t('grids.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input />
      </Form.Item>
      {!existing && (
        <>
          <Form.Item
            label={t('grids.village')}
            name="villageCode"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DivisionPicker choose="village" />
          </Form.Item>
          <Form.Item label={t('grids.parent')} name="parentId" extra={t('grids.parentHelp')}>
            <Select
              allowClear
              disabled={!villageCode}
              loading={siblings.loading}
              options={(siblings.data ?? []).map((grid) => ({
                value: grid.id,
                label: `${grid.name} (${grid.code})`,
              }))}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
