import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { useSession } from '../../session/session';
import { useDepartmentsByCode } from '../services-staff/lookups';
import { useAction } from '../use-action';
import { SubjectNameLink, SubjectSelect } from './subject-select';
import { CreditClassTag } from './tags';
import {
  CREDIT_CLASSES,
  call,
  type InspectionItem,
  type Inspector,
  REGULATION_PERMISSIONS as P,
} from './types';

type InspectorValues = Pick<
  Inspector,
  'name' | 'departmentCode' | 'badgeNumber' | 'qualifications' | 'active'
>;

/** The full body the roster expects: a missing list would be saved as empty. */
const bodyOf = (inspector: Omit<Inspector, 'id'>) => ({
  name: inspector.name,
  accountId: inspector.accountId,
  departmentCode: inspector.departmentCode,
  badgeNumber: inspector.badgeNumber,
  qualifications: inspector.qualifications,
  conflicts: inspector.conflicts,
  active: inspector.active,
});

/** 检查事项清单: each item with its basis, method, scope, default ratios and checklist. */
export function ItemsTable({ items, loading }: { items: InspectionItem[]; loading: boolean }) {
  const t = useT();
  const localName = useLocalName();
  const departments = useDepartmentsByCode();
  return (
    <Table<InspectionItem>
      rowKey="code"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('regStaff.item.empty')} /> }}
      data-testid="reg-items"
      expandable={{
        expandedRowRender: (item) => (
          <Space orientation="vertical" size={4}>
            <Typography.Text strong>{t('regStaff.item.checklist')}</Typography.Text>
            <ol style={{ margin: 0 }}>
              {item.checklist.map((point) => (
                <li key={point.code}>{localName(point.zh, point.en)}</li>
              ))}
            </ol>
            <Typography.Text type="secondary">
              {t('regStaff.item.legalBasis')}：{item.legalBasis}
            </Typography.Text>
          </Space>
        ),
      }}
      columns={[
        {
          title: t('regStaff.item.code'),
          dataIndex: 'code',
          render: (v: string) => <span className="zz-mono">{v}</span>,
        },
        { title: t('regStaff.item.name'), key: 'name', render: (_, i) => localName(i.nameZh, i.nameEn) },
        {
          title: t('regStaff.department'),
          dataIndex: 'departmentCode',
          render: (v: string) => departments.name(v),
        },
        { title: t('regStaff.item.method'), dataIndex: 'method' },
        {
          title: t('regStaff.item.appliesTo'),
          key: 'applies',
          render: (_, i) =>
            i.subjectKinds.length || i.industryPrefixes.length ? (
              <Space wrap size={4}>
                {i.subjectKinds.map((k) => (
                  <Tag key={k}>{t(`regStaff.kind.${k as 'shop'}`)}</Tag>
                ))}
                {i.industryPrefixes.map((p) => (
                  <Tag key={p} className="zz-mono">
                    {p}
                  </Tag>
                ))}
              </Space>
            ) : (
              t('regStaff.item.allSubjects')
            ),
        },
        {
          title: t('regStaff.item.ratios'),
          key: 'ratios',
          render: (_, i) => (
            <Space size={4} wrap>
              {CREDIT_CLASSES.map((c) => (
                <span key={c}>
                  <CreditClassTag value={c} short />
                  {Math.round(i.ratioByClass[c] * 1000) / 10}%
                </span>
              ))}
            </Space>
          ),
        },
        {
          title: t('regStaff.item.checklistCount'),
          key: 'checklist',
          render: (_, i) => i.checklist.length,
        },
        {
          title: t('regStaff.item.active'),
          dataIndex: 'active',
          render: (v: boolean) =>
            v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
        },
      ]}
    />
  );
}

/** 执法检查人员名录: add or change inspectors, declare conflicts (回避). */
export function InspectorsTable({
  inspectors,
  items,
  loading,
  onChanged,
}: {
  inspectors: Inspector[];
  items: InspectionItem[];
  loading: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const localName = useLocalName();
  const departments = useDepartmentsByCode();
  const { can } = useSession();
  const canManage = can(P.managePlans);
  const { pending, run } = useAction();
  const [editing, setEditing] = useState<Inspector | 'new' | null>(null);
  const [conflictFor, setConflictFor] = useState<Inspector | null>(null);
  const [form] = Form.useForm<InspectorValues>();
  const [conflictForm] = Form.useForm<{ subjectId: string }>();
  const itemName = (code: string) => {
    const item = items.find((i) => i.code === code);
    return item ? localName(item.nameZh, item.nameEn) : code;
  };

  const save = (
    inspector: Omit<Inspector, 'id'>,
    id: string | null,
    success: string,
    formToMark?: typeof form,
  ) =>
    run(
      () =>
        id
          ? call(
              api.PUT('/api/regulation/inspectors/{id}', {
                params: { path: { id } },
                body: bodyOf(inspector),
              }),
            )
          : call(api.POST('/api/regulation/inspectors', { body: bodyOf(inspector) })),
      { success, form: formToMark },
    );

  const submitInspector = async (values: InspectorValues) => {
    const base = editing && editing !== 'new' ? editing : null;
    const ok = await save(
      { accountId: base?.accountId ?? null, conflicts: base?.conflicts ?? [], ...values },
      base?.id ?? null,
      t('common.saved'),
      form,
    );
    if (!ok) return;
    setEditing(null);
    onChanged();
  };
  const declareConflict = async ({ subjectId }: { subjectId: string }) => {
    if (!conflictFor) return;
    const conflicts = [...new Set([...conflictFor.conflicts, subjectId])];
    const ok = await save(
      { ...conflictFor, conflicts },
      conflictFor.id,
      t('regStaff.inspector.conflictSaved'),
    );
    if (!ok) return;
    setConflictFor(null);
    onChanged();
  };
  const withdrawConflict = (inspector: Inspector, subjectId: string) =>
    save(
      { ...inspector, conflicts: inspector.conflicts.filter((c) => c !== subjectId) },
      inspector.id,
      t('regStaff.inspector.conflictWithdrawn'),
    ).then((ok) => ok && onChanged());

  return (
    <Card
      size="small"
      title={t('regStaff.inspector.title')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="reg-inspector-add">
            {t('regStaff.inspector.add')}
          </Button>
        )
      }
    >
      <Table<Inspector>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={inspectors}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('regStaff.inspector.empty')} /> }}
        data-testid="reg-inspectors"
        columns={[
          { title: t('regStaff.inspector.name'), dataIndex: 'name' },
          {
            title: t('regStaff.department'),
            dataIndex: 'departmentCode',
            render: (v: string) => departments.name(v),
          },
          {
            title: t('regStaff.inspector.badge'),
            dataIndex: 'badgeNumber',
            render: (v: string) => <span className="zz-mono">{v}</span>,
          },
          {
            title: t('regStaff.inspector.qualifications'),
            dataIndex: 'qualifications',
            render: (v: string[]) => (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, maxWidth: 420 }}>
                {v.map((code) => (
                  <Tag key={code} style={{ marginInlineEnd: 0 }}>
                    {itemName(code)}
                  </Tag>
                ))}
              </div>
            ),
          },
          {
            title: t('regStaff.inspector.conflicts'),
            key: 'conflicts',
            render: (_, r) =>
              r.conflicts.length ? (
                <Space wrap size={4}>
                  {r.conflicts.map((id) => (
                    <SubjectNameLink
                      key={id}
                      id={id}
                      onClose={canManage ? () => void withdrawConflict(r, id) : undefined}
                    />
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('regStaff.inspector.active'),
            dataIndex: 'active',
            render: (v: boolean) =>
              v ? (
                <Tag color="green">{t('common.yes')}</Tag>
              ) : (
                <Tag icon={<StopOutlined />}>{t('common.no')}</Tag>
              ),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Inspector) => (
                    <Space>
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => setConflictFor(r)}
                        data-testid="reg-inspector-conflict"
                      >
                        {t('regStaff.inspector.declareConflict')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('regStaff.inspector.add') : t('regStaff.inspector.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        confirmLoading={pending}
        destroyOnHidden
      >
        <Form<InspectorValues>
          form={form}
          layout="vertical"
          onFinish={submitInspector}
          initialValues={editing && editing !== 'new' ? editing : { active: true, qualifications: [] }}
          data-testid="reg-inspector-form"
        >
          <Form.Item
            name="name"
            label={t('regStaff.inspector.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="departmentCode" label={t('regStaff.department')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={departments.options} />
          </Form.Item>
          <Form.Item
            name="badgeNumber"
            label={t('regStaff.inspector.badge')}
            rules={[
              { required: true },
              { pattern: /^[A-Za-z0-9-]{4,32}$/, message: t('regStaff.inspector.badgeHelp') },
            ]}
          >
            <Input maxLength={32} className="zz-mono" />
          </Form.Item>
          <Form.Item
            name="qualifications"
            label={t('regStaff.inspector.qualifications')}
            extra={t('regStaff.inspector.qualificationsHelp')}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={items.map((i) => ({ value: i.code, label: localName(i.nameZh, i.nameEn) }))}
            />
          </Form.Item>
          <Form.Item name="active" label={t('regStaff.inspector.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={conflictFor !== null}
        title={t('regStaff.inspector.declareConflictFor', { name: conflictFor?.name ?? '' })}
        onCancel={() => setConflictFor(null)}
        onOk={() => conflictForm.submit()}
        okText={t('regStaff.inspector.declareConflict')}
        confirmLoading={pending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('regStaff.inspector.conflictHelp')}</Typography.Paragraph>
        <Form form={conflictForm} layout="vertical" onFinish={declareConflict}>
          <Form.Item
            name="subjectId"
            label={t('regStaff.subject.name')}
            extra={t('regStaff.subjects.search')}
            rules={[{ required: true }]}
          >
            <SubjectSelect />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
