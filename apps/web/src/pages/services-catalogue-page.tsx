import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/api';
import { BundlesTab } from '../components/services-staff/bundles-tab';
import { DictionaryTab } from '../components/services-staff/dictionary-tab';
import { useDepartmentsByCode } from '../components/services-staff/lookups';
import { blankMatter, MatterEditor } from '../components/services-staff/matter-editor';
import { useLimitText } from '../components/services-staff/target-picker';
import {
  type Bundle,
  call,
  type DictionaryEntry,
  type Matter,
  type MatterSummary,
} from '../components/services-staff/types';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { useSession } from '../session/session';

const MANAGE = 'services.catalogue.manage';

/** 事项目录: matters (open one to edit and publish a version), the field dictionary, the bundles. */
export function ServicesCataloguePage() {
  const t = useT();
  const localName = useLocalName();
  const limitText = useLimitText();
  const { can, me } = useSession();
  const canManage = can(MANAGE);
  const departments = useDepartmentsByCode();
  const { run } = useAction();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ matter: Matter; isNew: boolean } | null>(null);
  const matters = useLoad(
    () => call<{ items: MatterSummary[] }>(api.GET('/api/services/matters')).then((b) => b.items),
    [],
  );
  const dictionary = useLoad(
    () => call<{ items: DictionaryEntry[] }>(api.GET('/api/services/dictionary')).then((b) => b.items),
    [],
  );
  const bundles = useLoad(
    () => call<{ items: Bundle[] }>(api.GET('/api/services/bundles')).then((b) => b.items),
    [],
  );
  const needle = q.trim().toLowerCase();
  const shown = (matters.data ?? []).filter(
    (m) =>
      !needle ||
      m.code.toLowerCase().includes(needle) ||
      m.name.zh.includes(needle) ||
      m.name.en.toLowerCase().includes(needle),
  );

  const openMatter = (code: string) =>
    run(async () => {
      const body = await call<{ matter: Matter }>(
        api.GET('/api/services/matters/{code}', { params: { path: { code } } }),
      );
      setEditing({ matter: body.matter, isNew: false });
    });
  const district = `${(me?.roles[0]?.divisionCode ?? '330213000000').slice(0, 6)}000000`;

  const mattersTab = (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('govStaff.catalogue.search')}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 280 }}
          data-testid="services-catalogue-search"
        />
        {canManage && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setEditing({ matter: blankMatter(district), isNew: true })}
            data-testid="services-matter-add"
          >
            {t('govStaff.catalogue.addMatter')}
          </Button>
        )}
      </Space>
      <Table<MatterSummary>
        rowKey="code"
        size="small"
        loading={matters.loading}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('govStaff.catalogue.empty')} /> }}
        data-testid="services-matters"
        onRow={(row) =>
          ({
            onClick: () => void openMatter(row.code),
            style: { cursor: 'pointer' },
            'data-testid': `services-matter-row-${row.code}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('govStaff.matter.code'),
            dataIndex: 'code',
            render: (v: string, m) => (
              <span className="zz-mono">
                {v} <Typography.Text type="secondary">v{m.version}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('govStaff.matter.name'),
            key: 'name',
            render: (_, m) => localName(m.name.zh, m.name.en),
          },
          {
            title: t('govStaff.matter.department'),
            dataIndex: 'departmentCode',
            render: (v: string) => departments.name(v),
          },
          {
            title: t('govStaff.matter.kind'),
            dataIndex: 'kind',
            render: (v: 'immediate' | 'promised') => (
              <Tag color={v === 'immediate' ? 'green' : 'blue'}>{t(`govStaff.matter.kind.${v}`)}</Tag>
            ),
          },
          { title: t('govStaff.matter.legalLimit'), key: 'legal', render: (_, m) => limitText(m.legalLimit) },
          {
            title: t('govStaff.matter.promisedLimit'),
            key: 'promised',
            render: (_, m) => limitText(m.promisedLimit),
          },
          { title: t('govStaff.matter.visits'), dataIndex: 'visits' },
          {
            title: t('govStaff.matter.commitment'),
            dataIndex: 'commitment',
            render: (v: boolean) => (v ? <Tag color="purple">{t('common.yes')}</Tag> : '—'),
          },
          {
            title: t('govStaff.matter.instant'),
            dataIndex: 'instant',
            render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : '—'),
          },
        ]}
      />
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="services-catalogue">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('govStaff.nav.catalogue')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        {canManage ? t('govStaff.catalogue.intro') : t('govStaff.catalogue.introRead')}
      </Typography.Paragraph>
      <Card size="small">
        <Tabs
          items={[
            { key: 'matters', label: t('govStaff.catalogue.matters'), children: mattersTab },
            {
              key: 'dictionary',
              label: t('govStaff.catalogue.dictionary'),
              children: (
                <DictionaryTab
                  entries={dictionary.data ?? []}
                  loading={dictionary.loading}
                  canManage={canManage}
                  onChanged={dictionary.reload}
                />
              ),
            },
            {
              key: 'bundles',
              label: t('govStaff.catalogue.bundles'),
              children: (
                <BundlesTab
                  bundles={bundles.data ?? []}
                  matters={matters.data ?? []}
                  loading={bundles.loading}
                  canManage={canManage}
                  onChanged={bundles.reload}
                />
              ),
            },
          ]}
        />
      </Card>
      <MatterEditor
        matter={editing?.matter ?? null}
        isNew={editing?.isNew ?? false}
        dictionary={dictionary.data ?? []}
        departments={departments.options}
        canManage={canManage}
        onClose={() => setEditing(null)}
        onPublished={matters.reload}
      />
    </Space>
  );
}
