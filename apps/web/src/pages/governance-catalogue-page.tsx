import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import { useGovernanceLookups } from '../components/cases/lookups';
import type { DispatchRule } from '../components/cases/types';
import { formatDateTime } from '../components/format';
import { RuleModal } from '../components/governance/rule-modal';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

type Row = { index: number; rule: DispatchRule };
const GRADE_COLOR = { normal: 'default', major: 'orange', serious: 'red' } as const;

/** 派单目录: the ordered rules that route events (first match wins); saving makes a new version. */
export function GovernanceCataloguePage() {
  const t = useT();
  const { locale } = usePreferences();
  const localName = useLocalName();
  const { modal, message } = App.useApp();
  const lookups = useGovernanceLookups();
  const { pending, run } = useAction();
  const catalogue = useLoad(() => unwrap(api.GET('/api/governance/catalogue')), []);
  const [rules, setRules] = useState<DispatchRule[]>([]);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (catalogue.data) {
      setRules(catalogue.data.rules);
      setDirty(false);
    }
  }, [catalogue.data]);

  const change = (next: DispatchRule[]) => {
    setRules(next);
    setDirty(true);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...rules];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    change(next);
  };
  const remove = (index: number) =>
    modal.confirm({
      title: t('governance.catalogue.deleteConfirm', { n: index + 1 }),
      okText: t('common.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => change(rules.filter((_, i) => i !== index)),
    });
  const save = () =>
    run(async () => {
      const result = await unwrap(api.PUT('/api/governance/catalogue', { body: { rules } }));
      void message.success(
        result.created
          ? t('governance.catalogue.saved', { version: result.version })
          : t('governance.catalogue.unchanged'),
      );
      catalogue.reload();
    });

  const categoryLabel = (pattern: string) => {
    const group = pattern.endsWith('.*') ? pattern.slice(0, -2) : null;
    const name = lookups.categoryName(group ?? pattern);
    return group ? t('governance.catalogue.wholeGroup', { name, code: pattern }) : `${name} (${pattern})`;
  };
  const departmentLabel = (code: string) => {
    const department = lookups.departmentByCode(code);
    return department ? localName(department.name, department.nameEn) : code;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.governanceCatalogue')}
      </Typography.Title>
      <Card
        title={
          <Space wrap data-testid="catalogue-version">
            {catalogue.data?.version
              ? t('governance.catalogue.version', {
                  version: catalogue.data.version,
                  at: formatDateTime(catalogue.data.createdAt, locale),
                })
              : t('governance.catalogue.none')}
            {dirty && <Tag color="orange">{t('governance.catalogue.unsaved')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setEditing({ index: null })}>
              {t('governance.catalogue.addRule')}
            </Button>
            <Button disabled={!dirty} onClick={() => catalogue.data && setRules(catalogue.data.rules)}>
              {t('common.reset')}
            </Button>
            <Button type="primary" disabled={!dirty || rules.length === 0} loading={pending} onClick={save}>
              {t('governance.catalogue.save')}
            </Button>
          </Space>
        }
      >
        <Alert type="info" showIcon title={t('governance.catalogue.intro')} style={{ marginBottom: 16 }} />
        <Table<Row>
          rowKey="index"
          size="small"
          loading={catalogue.loading}
          dataSource={rules.map((rule, index) => ({ index, rule }))}
          data-testid="catalogue-rules"
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '#', dataIndex: 'index', width: 56, render: (i: number) => i + 1 },
            {
              title: t('governance.catalogue.category'),
              key: 'category',
              render: (_, { rule }) => categoryLabel(rule.category),
            },
            {
              title: t('governance.catalogue.division'),
              key: 'division',
              render: (_, { rule }) =>
                rule.divisionCode ? lookups.townName(rule.divisionCode) : t('governance.catalogue.anywhere'),
            },
            {
              title: t('governance.catalogue.condition'),
              key: 'condition',
              render: (_, { rule }) =>
                rule.condition ? <span className="zz-mono">{rule.condition}</span> : '—',
            },
            {
              title: t('governance.catalogue.department'),
              key: 'department',
              render: (_, { rule }) => departmentLabel(rule.departmentCode),
            },
            {
              title: t('governance.catalogue.grade'),
              key: 'grade',
              render: (_, { rule }) => (
                <Tag color={GRADE_COLOR[rule.grade]}>{t(`governance.grade.${rule.grade}`)}</Tag>
              ),
            },
            {
              title: t('governance.catalogue.limitDays'),
              key: 'limit',
              render: (_, { rule }) =>
                rule.limitDays === undefined
                  ? t('governance.catalogue.categoryLimit')
                  : t('governance.categories.days', { n: rule.limitDays }),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, { index }) => (
                <Space size={0}>
                  <Tooltip title={t('governance.catalogue.up')}>
                    <Button
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t('governance.catalogue.up')}
                    />
                  </Tooltip>
                  <Tooltip title={t('governance.catalogue.down')}>
                    <Button
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={index === rules.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t('governance.catalogue.down')}
                    />
                  </Tooltip>
                  <Tooltip title={t('common.edit')}>
                    <Button
                      type="text"
                      icon={<EditOutlined />}
                      onClick={() => setEditing({ index })}
                      aria-label={t('common.edit')}
                    />
                  </Tooltip>
                  <Tooltip title={t('common.remove')}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(index)}
                      aria-label={t('common.remove')}
                    />
                  </Tooltip>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <RuleModal
          key={editing.index ?? 'new'}
          rule={editing.index === null ? null : rules[editing.index]}
          onClose={() => setEditing(null)}
          onSave={(rule) => {
            if (editing.index === null) {
              change([...rules, rule]);
              setPage(Math.ceil((rules.length + 1) / 20));
            } else change(rules.map((r, i) => (i === editing.index ? rule : r)));
            setEditing(null);
          }}
        />
      )}
    </Space>
  );
}
