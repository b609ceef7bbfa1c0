import { unwrap } from '@zhizhi/api-client';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/api';
import { useT } from '../../../i18n/use-t';
import { usePreferences } from '../../../session/preferences';
import { useProblemNotifier } from '../../use-action';
import { useLoad } from '../../use-load';
import { RULE_FORMATS } from './types';

/** One item's rules as the editor shows them (one control per rule kind). */
interface ItemRow {
  item: string;
  name: string;
  required: boolean;
  unique: boolean;
  consistency: boolean;
  format?: string;
  min?: number | null;
  max?: number | null;
  values?: string;
  regex?: string;
  reference?: string;
}

type Rule = Record<string, unknown> & { kind: string };

function toRow(item: string, name: string, rules: Rule[]): ItemRow {
  const find = (kind: string) => rules.find((r) => r.kind === kind);
  const range = find('range');
  const reference = find('reference');
  return {
    item,
    name,
    required: Boolean(find('required')),
    unique: Boolean(find('unique')),
    consistency: Boolean(find('consistency')),
    format: find('format')?.format as string | undefined,
    min: (range?.min as number | undefined) ?? null,
    max: (range?.max as number | undefined) ?? null,
    values: ((find('enum')?.values as string[] | undefined) ?? []).join(','),
    regex: (find('pattern')?.regex as string | undefined) ?? '',
    reference: reference ? `${reference.resource}/${reference.item}` : '',
  };
}

function toRules(row: ItemRow): Rule[] {
  const rules: Rule[] = [];
  if (row.required) rules.push({ kind: 'required' });
  if (row.format) rules.push({ kind: 'format', format: row.format });
  if (row.min != null || row.max != null)
    rules.push({
      kind: 'range',
      ...(row.min != null ? { min: row.min } : {}),
      ...(row.max != null ? { max: row.max } : {}),
    });
  const values = (row.values ?? '')
    .split(/[,，]/)
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length) rules.push({ kind: 'enum', values });
  if (row.unique) rules.push({ kind: 'unique' });
  if (row.regex?.trim()) rules.push({ kind: 'pattern', regex: row.regex.trim() });
  const reference = row.reference?.trim();
  if (reference) {
    const at = reference.lastIndexOf('/');
    rules.push({ kind: 'reference', resource: reference.slice(0, at), item: reference.slice(at + 1) });
  }
  if (row.consistency) rules.push({ kind: 'consistency' });
  return rules;
}

export interface RulesEditorModalProps {
  resource: { id: string; name: string };
  onClose: () => void;
  onSaved?: () => void;
}

/** 质量规则: per item required/format/range/enum/unique/pattern/reference/consistency, and key items. */
export function RulesEditorModal({ resource, onClose, onSaved }: RulesEditorModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const { elderMode } = usePreferences();
  const notify = useProblemNotifier();
  const loaded = useLoad(
    () => unwrap(api.GET('/api/data/resources/{id}/rules', { params: { path: { id: resource.id } } })),
    [resource.id],
  );
  const [rows, setRows] = useState<ItemRow[]>([]);
  const [keyItems, setKeyItems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setRows(loaded.data.items.map((i) => toRow(i.item, i.name, i.rules as Rule[])));
    setKeyItems(loaded.data.keyItems);
  }, [loaded.data]);

  const patch = (item: string, change: Partial<ItemRow>) =>
    setRows((all) => all.map((r) => (r.item === item ? { ...r, ...change } : r)));

  async function save() {
    setSaving(true);
    try {
      await unwrap(
        api.PUT('/api/data/resources/{id}/rules', {
          params: { path: { id: resource.id } },
          body: { keyItems, items: rows.map((r) => ({ item: r.item, rules: toRules(r) })) },
        }),
      );
      void message.success(t('dataRules.saved'));
      onSaved?.();
      onClose();
    } catch (error) {
      notify(error);
    } finally {
      setSaving(false);
    }
  }

  const small = elderMode ? 'middle' : 'small';
  return (
    <Modal
      open
      width={elderMode ? 1400 : 1200}
      title={t('dataRules.title', { name: resource.name })}
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('dataRules.intro')}</Typography.Paragraph>
      {!loaded.data ? (
        <Skeleton active />
      ) : (
        <>
          <Form layout="vertical">
            <Form.Item label={t('dataRules.keyItems')} extra={t('dataRules.keyItemsHint')}>
              <Select
                mode="multiple"
                value={keyItems}
                onChange={setKeyItems}
                options={rows.map((r) => ({ value: r.item, label: `${r.name}（${r.item}）` }))}
                data-testid="data-rules-keys"
              />
            </Form.Item>
          </Form>
          <Table<ItemRow>
            rowKey="item"
            size={small}
            pagination={false}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            data-testid="data-rules-table"
            columns={[
              // Fixed, so the row stays named while the wide table scrolls sideways.
              { title: t('dataRules.item'), fixed: 'left', render: (_, r) => `${r.name}（${r.item}）` },
              {
                title: t('dataRules.rules'),
                render: (_, r) => (
                  <>
                    <Checkbox
                      checked={r.required}
                      onChange={(e) => patch(r.item, { required: e.target.checked })}
                    >
                      {t('dataRules.required')}
                    </Checkbox>
                    <Checkbox
                      checked={r.unique}
                      onChange={(e) => patch(r.item, { unique: e.target.checked })}
                    >
                      {t('dataRules.unique')}
                    </Checkbox>
                    <Checkbox
                      checked={r.consistency}
                      onChange={(e) => patch(r.item, { consistency: e.target.checked })}
                    >
                      {t('dataRules.consistency')}
                    </Checkbox>
                  </>
                ),
              },
              {
                title: t('dataRules.format'),
                render: (_, r) => (
                  <Select
                    allowClear
                    style={{ width: 170 }}
                    value={r.format}
                    onChange={(format) => patch(r.item, { format })}
                    options={RULE_FORMATS.map((f) => ({ value: f, label: t(`dataRules.format.${f}`) }))}
                  />
                ),
              },
              {
                title: t('dataRules.min'),
                render: (_, r) => <InputNumber value={r.min} onChange={(min) => patch(r.item, { min })} />,
              },
              {
                title: t('dataRules.max'),
                render: (_, r) => <InputNumber value={r.max} onChange={(max) => patch(r.item, { max })} />,
              },
              {
                title: t('dataRules.enum'),
                render: (_, r) => (
                  <Input value={r.values} onChange={(e) => patch(r.item, { values: e.target.value })} />
                ),
              },
              {
                title: t('dataRules.pattern'),
                render: (_, r) => (
                  <Input
                    className="zz-mono"
                    value={r.regex}
                    onChange={(e) => patch(r.item, { regex: e.target.value })}
                  />
                ),
              },
              {
                title: t('dataRules.reference'),
                render: (_, r) => (
                  <Input
                    className="zz-mono"
                    placeholder={t('dataRules.referenceHint')}
                    value={r.reference}
                    onChange={(e) => patch(r.item, { reference: e.target.value })}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
