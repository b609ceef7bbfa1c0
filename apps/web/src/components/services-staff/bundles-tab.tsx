import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { useAction } from '../use-action';
import { type Bundle, call, type MatterSummary } from './types';

/** 一件事: questions and member matters with their conditions (CEL over `answers`). */
export function BundlesTab({
  bundles,
  matters,
  loading,
  canManage,
  onChanged,
}: {
  bundles: Bundle[];
  matters: MatterSummary[];
  loading: boolean;
  canManage: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const localName = useLocalName();
  const { pending, run } = useAction();
  const [editing, setEditing] = useState<{ bundle: Bundle; isNew: boolean } | null>(null);
  const [form] = Form.useForm<Bundle>();
  const matterName = (code: string) => {
    const m = matters.find((x) => x.code === code);
    return m ? localName(m.name.zh, m.name.en) : code;
  };
  const open = (bundle: Bundle, isNew: boolean) => {
    setEditing({ bundle, isNew });
    form.resetFields();
    form.setFieldsValue(bundle);
  };
  const save = () =>
    run(
      async () => {
        const values = await form.validateFields();
        const body: Bundle = {
          ...values,
          questions: (values.questions ?? []).map((q) =>
            q.type === 'choice' ? q : { code: q.code, text: q.text, type: q.type },
          ),
          matters: (values.matters ?? []).map((m) => (m.when?.trim() ? m : { matterCode: m.matterCode })),
        };
        await call(api.PUT('/api/services/catalogue/bundles', { body: body as never }));
        setEditing(null);
        onChanged();
      },
      { form, success: t('govStaff.bundles.saved') },
    );
  const required = [{ required: true, message: t('govStaff.form.required') }];
  const matterOptions = matters.map((m) => ({
    value: m.code,
    label: `${localName(m.name.zh, m.name.en)}（${m.code}）`,
  }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canManage && (
        <Button
          icon={<PlusOutlined />}
          data-testid="services-bundle-add"
          onClick={() =>
            open(
              { code: '', name: { zh: '', en: '' }, guide: { zh: '', en: '' }, questions: [], matters: [] },
              true,
            )
          }
        >
          {t('govStaff.bundles.add')}
        </Button>
      )}
      <Table<Bundle>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={bundles}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="services-bundles"
        columns={[
          {
            title: t('govStaff.bundles.code'),
            dataIndex: 'code',
            render: (v: string) => <span className="zz-mono">{v}</span>,
          },
          {
            title: t('govStaff.bundles.name'),
            key: 'name',
            render: (_, b) => localName(b.name.zh, b.name.en),
          },
          {
            title: t('govStaff.bundles.questions'),
            key: 'questions',
            render: (_, b) => b.questions.map((q) => localName(q.text.zh, q.text.en)).join('；') || '—',
          },
          {
            title: t('govStaff.bundles.matters'),
            key: 'matters',
            render: (_, b) => (
              <Space wrap size={4}>
                {b.matters.map((m) => (
                  <Tag key={m.matterCode} color={m.when ? 'gold' : 'blue'} title={m.when}>
                    {matterName(m.matterCode)}
                    {m.when ? ` · ${t('govStaff.bundles.conditional')}` : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, b: Bundle) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => open(b, false)}
                      data-testid={`services-bundle-edit-${b.code}`}
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
        title={editing?.isNew ? t('govStaff.bundles.add') : t('govStaff.bundles.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okButtonProps={{ loading: pending, 'data-testid': 'services-bundle-save' } as never}
        width="min(900px, 100vw)"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="code" label={t('govStaff.bundles.code')} rules={required}>
                <Input disabled={!editing?.isNew} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['name', 'zh']} label={t('govStaff.editor.nameZh')} rules={required}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['name', 'en']} label={t('govStaff.editor.nameEn')} rules={required}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['guide', 'zh']} label={t('govStaff.editor.guideZh')} rules={required}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['guide', 'en']} label={t('govStaff.editor.guideEn')} rules={required}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('govStaff.bundles.questions')}</Divider>
          <Form.List name="questions">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map((item) => (
                  <QuestionRow key={item.key} name={item.name} onRemove={() => remove(item.name)} />
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ code: '', text: { zh: '', en: '' }, type: 'boolean' })}
                >
                  {t('govStaff.bundles.addQuestion')}
                </Button>
              </Space>
            )}
          </Form.List>
          <Divider titlePlacement="start">{t('govStaff.bundles.matters')}</Divider>
          <Typography.Paragraph type="secondary">{t('govStaff.bundles.whenHint')}</Typography.Paragraph>
          <Form.List name="matters">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map((item) => (
                  <Space key={item.key} align="baseline" wrap>
                    <Form.Item
                      name={[item.name, 'matterCode']}
                      rules={required}
                      style={{ minWidth: 320, marginBottom: 8 }}
                    >
                      <Select showSearch optionFilterProp="label" options={matterOptions} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'when']} style={{ minWidth: 280, marginBottom: 8 }}>
                      <Input className="zz-mono" placeholder="answers.sells_alcohol == true" />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(item.name)}
                      aria-label={t('govStaff.editor.remove')}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ matterCode: undefined })}>
                  {t('govStaff.bundles.addMatter')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Space>
  );
}

/** A plain-language question: yes/no, or a choice with its options. */
function QuestionRow({ name, onRemove }: { name: number; onRemove: () => void }) {
  const t = useT();
  const form = Form.useFormInstance();
  const type = Form.useWatch(['questions', name, 'type'], form);
  const required = [{ required: true, message: t('govStaff.form.required') }];
  return (
    <Space
      orientation="vertical"
      style={{ width: '100%', borderBottom: '1px dashed #eee', paddingBottom: 8 }}
    >
      <Space align="baseline" wrap>
        <Form.Item name={[name, 'code']} rules={required} style={{ marginBottom: 8 }}>
          <Input placeholder={t('govStaff.bundles.questionCode')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={[name, 'text', 'zh']} rules={required} style={{ marginBottom: 8 }}>
          <Input placeholder={t('govStaff.editor.nameZh')} />
        </Form.Item>
        <Form.Item name={[name, 'text', 'en']} rules={required} style={{ marginBottom: 8 }}>
          <Input placeholder={t('govStaff.editor.nameEn')} />
        </Form.Item>
        <Form.Item name={[name, 'type']} style={{ marginBottom: 8 }}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'boolean', label: t('govStaff.bundles.yesNo') },
              { value: 'choice', label: t('govStaff.bundles.choice') },
            ]}
          />
        </Form.Item>
        <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('govStaff.editor.remove')} />
      </Space>
      {type === 'choice' && (
        <Form.List name={[name, 'options']}>
          {(items, { add, remove }) => (
            <Space orientation="vertical" style={{ paddingInlineStart: 24 }}>
              {items.map((item) => (
                <Space key={item.key} align="baseline" wrap>
                  <Form.Item name={[item.name, 'value']} rules={required} style={{ marginBottom: 4 }}>
                    <Input placeholder={t('govStaff.dictionary.optionValue')} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'name', 'zh']} rules={required} style={{ marginBottom: 4 }}>
                    <Input placeholder={t('govStaff.editor.nameZh')} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'name', 'en']} rules={required} style={{ marginBottom: 4 }}>
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
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ value: '', name: { zh: '', en: '' } })}
              >
                {t('govStaff.dictionary.addOption')}
              </Button>
            </Space>
          )}
        </Form.List>
      )}
    </Space>
  );
}
