import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { useAction } from '../use-action';
import { call, type DictionaryEntry, FIELD_TYPES, PERSONAL_DATA_KINDS } from './types';

/** Drops empty optional parts so the schema sees only what was filled in. */
function cleanEntry(values: DictionaryEntry): DictionaryEntry {
  const entry: DictionaryEntry = { ...values };
  for (const key of ['maxLength', 'pattern', 'min', 'max'] as const) {
    const value: unknown = entry[key];
    if (value === undefined || value === null || value === '') delete entry[key];
  }
  if (entry.type !== 'choice') delete entry.options;
  const certificate =
    entry.supply?.certificate?.type && entry.supply.certificate.item ? entry.supply.certificate : undefined;
  const resource =
    entry.supply?.resource?.code && entry.supply.resource.item ? entry.supply.resource : undefined;
  entry.supply =
    certificate || resource
      ? { ...(certificate ? { certificate } : {}), ...(resource ? { resource } : {}) }
      : undefined;
  if (!entry.supply) delete entry.supply;
  return entry;
}

/** 字段字典: every form field of every matter; add or change an entry (needs services.catalogue.manage). */
export function DictionaryTab({
  entries,
  loading,
  canManage,
  onChanged,
}: {
  entries: DictionaryEntry[];
  loading: boolean;
  canManage: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const localName = useLocalName();
  const { pending, run } = useAction();
  const [editing, setEditing] = useState<{ entry: DictionaryEntry; isNew: boolean } | null>(null);
  const [q, setQ] = useState('');
  const [form] = Form.useForm<DictionaryEntry>();
  const type = Form.useWatch('type', form);
  const needle = q.trim().toLowerCase();
  const shown = entries.filter(
    (e) =>
      !needle ||
      e.code.includes(needle) ||
      e.name.zh.includes(needle) ||
      e.name.en.toLowerCase().includes(needle),
  );

  const open = (entry: DictionaryEntry, isNew: boolean) => {
    setEditing({ entry, isNew });
    form.resetFields();
    form.setFieldsValue(entry);
  };
  const save = () =>
    run(
      async () => {
        const values = await form.validateFields();
        const result = await call<{ changed: boolean }>(
          api.PUT('/api/services/catalogue/fields', {
            body: cleanEntry({ ...editing?.entry, ...values }) as never,
          }),
        );
        setEditing(null);
        onChanged();
        return result;
      },
      { form, success: t('govStaff.dictionary.saved') },
    );
  const required = [{ required: true, message: t('govStaff.form.required') }];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('govStaff.catalogue.search')}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 280 }}
        />
        {canManage && (
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              open({ code: '', name: { zh: '', en: '' }, type: 'text', personalData: 'none' }, true)
            }
            data-testid="services-dictionary-add"
          >
            {t('govStaff.dictionary.add')}
          </Button>
        )}
      </Space>
      <Table<DictionaryEntry>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="services-dictionary"
        onRow={(row) =>
          ({ 'data-testid': `services-dictionary-row-${row.code}` }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('govStaff.dictionary.code'),
            dataIndex: 'code',
            render: (v: string) => <span className="zz-mono">{v}</span>,
          },
          {
            title: t('govStaff.dictionary.name'),
            key: 'name',
            render: (_, e) => localName(e.name.zh, e.name.en),
          },
          {
            title: t('govStaff.dictionary.type'),
            dataIndex: 'type',
            render: (v: string) => t(`govStaff.fieldType.${v}` as 'govStaff.fieldType.text'),
          },
          {
            title: t('govStaff.dictionary.personalData'),
            dataIndex: 'personalData',
            render: (v: string) =>
              v === 'none' ? (
                '—'
              ) : (
                <Tag color="orange">{t(`govStaff.personal.${v}` as 'govStaff.personal.name')}</Tag>
              ),
          },
          {
            title: t('govStaff.dictionary.supply'),
            key: 'supply',
            render: (_, e) => (
              <Space wrap size={4}>
                {e.supply?.certificate && (
                  <Tag color="green">
                    {t('govStaff.dictionary.certificate')}: {e.supply.certificate.type}.
                    {e.supply.certificate.item}
                  </Tag>
                )}
                {e.supply?.resource && (
                  <Tag color="blue">
                    {t('govStaff.dictionary.resource')}: {e.supply.resource.code}.{e.supply.resource.item}
                  </Tag>
                )}
              </Space>
            ),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, e: DictionaryEntry) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => open(e, false)}
                      data-testid={`services-dictionary-edit-${e.code}`}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.isNew ? t('govStaff.dictionary.add') : t('govStaff.dictionary.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okButtonProps={{ loading: pending, 'data-testid': 'services-dictionary-save' } as never}
        width="min(760px, 100vw)"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="code" label={t('govStaff.dictionary.code')} rules={required}>
                <Input disabled={!editing?.isNew} data-testid="services-dictionary-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['name', 'zh']} label={t('govStaff.editor.nameZh')} rules={required}>
                <Input data-testid="services-dictionary-name-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['name', 'en']} label={t('govStaff.editor.nameEn')} rules={required}>
                <Input data-testid="services-dictionary-name-en" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="type" label={t('govStaff.dictionary.type')}>
                <Select
                  options={FIELD_TYPES.map((v) => ({ value: v, label: t(`govStaff.fieldType.${v}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="personalData" label={t('govStaff.dictionary.personalData')}>
                <Select
                  options={PERSONAL_DATA_KINDS.map((v) => ({ value: v, label: t(`govStaff.personal.${v}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="maxLength" label={t('govStaff.dictionary.maxLength')}>
                <InputNumber min={1} max={5000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('govStaff.dictionary.certificate')}>
                <Space.Compact>
                  <Form.Item name={['supply', 'certificate', 'type']} noStyle>
                    <Input placeholder={t('govStaff.dictionary.certificateType')} />
                  </Form.Item>
                  <Form.Item name={['supply', 'certificate', 'item']} noStyle>
                    <Input placeholder={t('govStaff.dictionary.item')} />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('govStaff.dictionary.resource')}>
                <Space.Compact>
                  <Form.Item name={['supply', 'resource', 'code']} noStyle>
                    <Input placeholder={t('govStaff.dictionary.resourceCode')} />
                  </Form.Item>
                  <Form.Item name={['supply', 'resource', 'item']} noStyle>
                    <Input placeholder={t('govStaff.dictionary.item')} />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
          </Row>
          {type === 'choice' && (
            <Form.List name="options">
              {(items, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {items.map((item) => (
                    <Space key={item.key} align="baseline" wrap>
                      <Form.Item name={[item.name, 'value']} rules={required} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('govStaff.dictionary.optionValue')} />
                      </Form.Item>
                      <Form.Item
                        name={[item.name, 'name', 'zh']}
                        rules={required}
                        style={{ marginBottom: 8 }}
                      >
                        <Input placeholder={t('govStaff.editor.nameZh')} />
                      </Form.Item>
                      <Form.Item
                        name={[item.name, 'name', 'en']}
                        rules={required}
                        style={{ marginBottom: 8 }}
                      >
                        <Input placeholder={t('govStaff.editor.nameEn')} />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(item.name)}
                        aria-label={t('govStaff.editor.remove')}
                      />
                    </Space>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ value: '', name: { zh: '', en: '' } })}
                  >
                    {t('govStaff.dictionary.addOption')}
                  </Button>
                </Space>
              )}
            </Form.List>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
