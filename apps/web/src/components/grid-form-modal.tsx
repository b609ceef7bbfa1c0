import { type Grid, unwrap } from '@zhizhi/api-client';
import { Form, type FormRule, Input, Select } from 'antd';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { DivisionPicker } from './division-picker';
import { FormModal } from './form-modal';
import { useLoad } from './use-load';

/** The server's shape for grid codes; it also requires the village code as prefix. */
const GRID_CODE = /^\d{12,20}$/;

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

  const codeRules: FormRule[] = [
    { required: true, whitespace: true, message: t('common.required') },
    ...(existing
      ? []
      : ([
          { pattern: GRID_CODE, message: t('grids.codeInvalid') },
          // Read the village from the form, not the watched value: dependencies re-validate before a re-render.
          ({ getFieldValue }) => ({
            validator: (_, value?: string) => {
              const village: string | undefined = getFieldValue('villageCode');
              return !value || !village || value.startsWith(village)
                ? Promise.resolve()
                : Promise.reject(new Error(t('grids.codePrefixMismatch', { villageCode: village })));
            },
          }),
        ] satisfies FormRule[])),
  ];

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
        extra={
          existing ? undefined : villageCode ? t('grids.codeHelpFor', { villageCode }) : t('grids.codeHelp')
        }
        dependencies={['villageCode']}
        rules={codeRules}
      >
        <Input
          disabled={!!existing}
          className="zz-mono"
          inputMode="numeric"
          placeholder={villageCode ? `${villageCode}001` : undefined}
          autoComplete="off"
        />
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
