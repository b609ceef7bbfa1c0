import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/api';
import { RuleSetEditor } from '../components/regulation-staff/rule-set-editor';
import { CreditClassTag } from '../components/regulation-staff/tags';
import {
  type CreditRule,
  call,
  REGULATION_PERMISSIONS as P,
  type RuleSet,
} from '../components/regulation-staff/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

function RuleSetView({ ruleSet }: { ruleSet: RuleSet }) {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const { classes } = ruleSet;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: elderMode ? 1 : 2 }}>
        <Descriptions.Item label={t('regStaff.rules.version')}>v{ruleSet.version}</Descriptions.Item>
        <Descriptions.Item label={t('regStaff.rules.scope')}>
          {ruleSet.sector === null ? (
            t('regStaff.rules.everyone')
          ) : (
            <Space wrap size={4}>
              {ruleSet.appliesTo.industryPrefixes.map((p) => (
                <Tag key={p} className="zz-mono">
                  {p}
                </Tag>
              ))}
              {ruleSet.appliesTo.licenceTypes.map((l) => (
                <Tag key={l} color="blue">
                  {l}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.rules.baseScore')}>{ruleSet.baseScore}</Descriptions.Item>
        <Descriptions.Item label={t('regStaff.rules.classes')}>
          <Space wrap size={4} data-testid="reg-rule-thresholds">
            <CreditClassTag value="A" short /> ≥ {classes.A}
            <CreditClassTag value="B" short /> {classes.B}–{classes.A - 1}
            <CreditClassTag value="C" short /> {classes.C}–{classes.B - 1}
            <CreditClassTag value="D" short /> &lt; {classes.C}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Table<CreditRule>
        rowKey="code"
        size="small"
        dataSource={ruleSet.rules}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={`reg-rules-${ruleSet.code}`}
        columns={[
          {
            title: t('regStaff.rules.code'),
            dataIndex: 'code',
            render: (v: string) => <span className="zz-mono">{v}</span>,
          },
          {
            title: t('regStaff.rules.description'),
            key: 'description',
            render: (_, r) => localName(r.description.zh, r.description.en),
          },
          {
            title: t('regStaff.rules.when'),
            dataIndex: 'when',
            render: (v: string) => (
              <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
                {v}
              </Typography.Text>
            ),
          },
          {
            title: t('regStaff.rules.points'),
            dataIndex: 'points',
            render: (v: number) => (
              <Tag color={v < 0 ? 'red' : v > 0 ? 'green' : 'default'}>{v > 0 ? `+${v}` : v}</Tag>
            ),
          },
          {
            title: t('regStaff.rules.cap'),
            dataIndex: 'cap',
            render: (v: CreditRule['cap']) => (v ? <CreditClassTag value={v} short /> : '—'),
          },
          {
            title: t('regStaff.rules.sources'),
            dataIndex: 'sources',
            render: (v: CreditRule['sources']) => v.map((s) => t(`regStaff.source.${s}`)).join('、') || '—',
          },
          {
            title: t('regStaff.rules.withinMonths'),
            dataIndex: 'withinMonths',
            render: (v: number | null) => v ?? '—',
          },
        ]}
      />
    </Space>
  );
}

/** 评价规则: the rating rule sets (general and sectors), each editable as a new version. */
export function RegulationRulesPage() {
  const t = useT();
  const localName = useLocalName();
  const { can } = useSession();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ code: string; version: number } | null>(null);
  const [active, setActive] = useState<string>();
  const sets = useLoad(() => call(api.GET('/api/regulation/rule-sets')).then((b) => b.items), []);
  const items = [...(sets.data ?? [])].sort(
    (a, b) => Number(a.sector !== null) - Number(b.sector !== null) || a.code.localeCompare(b.code),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reg-rules">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('regStaff.nav.rules')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('regStaff.rules.intro')}</Typography.Paragraph>
      {saved && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSaved(null) }}
          title={t('regStaff.rules.saved', { code: saved.code, version: saved.version })}
          description={t('regStaff.rules.rerateQueued')}
          data-testid="reg-rules-saved"
        />
      )}
      <Card size="small" loading={sets.loading && !sets.data}>
        {items.length ? (
          <Tabs
            activeKey={active ?? items[0]?.code}
            onChange={(key) => {
              setActive(key);
              setEditing(null);
            }}
            items={items.map((set) => ({
              key: set.code,
              label: (
                <Space size={4}>
                  {localName(set.name.zh, set.name.en)}
                  <Tag>{set.sector ? t('regStaff.rules.sector') : t('regStaff.rules.general')}</Tag>
                </Space>
              ),
              children:
                editing === set.code ? (
                  <RuleSetEditor
                    ruleSet={set}
                    onCancel={() => setEditing(null)}
                    onSaved={(result) => {
                      setSaved(result);
                      setEditing(null);
                      sets.reload();
                    }}
                  />
                ) : (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {can(P.manageRules) && (
                      <Button
                        icon={<EditOutlined />}
                        onClick={() => setEditing(set.code)}
                        data-testid="reg-rules-edit"
                      >
                        {t('regStaff.rules.edit')}
                      </Button>
                    )}
                    <RuleSetView ruleSet={set} />
                  </Space>
                ),
            }))}
          />
        ) : (
          <Empty description={t('regStaff.rules.empty')} />
        )}
      </Card>
    </Space>
  );
}
