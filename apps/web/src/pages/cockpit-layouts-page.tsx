import { ArrowDownOutlined, ArrowUpOutlined, DesktopOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Alert, Button, Card, Form, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/api';
import { type Layout, PANEL_IDS, type PanelId } from '../components/cockpit-staff/model';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';

type Panel = { id: PanelId; visible: boolean };

const defaults = (): Panel[] => PANEL_IDS.map((id) => ({ id, visible: true }));

/** The saved panels in order (unknown ids dropped, missing ones appended visible). */
function normalise(panels: Layout['panels']): Panel[] {
  const known = panels.filter((p): p is Panel => (PANEL_IDS as readonly string[]).includes(p.id));
  for (const id of PANEL_IDS) if (!known.some((p) => p.id === id)) known.push({ id, visible: true });
  return known;
}

/** 大屏布局: which big-screen panels each role sees, in what order. */
export function CockpitLayoutsPage() {
  const t = useT();
  const localName = useLocalName();
  const { pending, run } = useAction();
  const roles = useLoad(() => unwrap(api.GET('/api/admin/roles')).then((b) => b.items), []);
  const mine = useLoad(() => unwrap(api.GET('/api/cockpit/layout')), []);
  const [role, setRole] = useState<string>();
  // The chosen role's layout as saved on the server (or the default when it has none).
  const chosen = useLoad(
    () =>
      role
        ? unwrap(api.GET('/api/cockpit/layouts/{role}', { params: { path: { role } } }))
        : Promise.resolve(undefined),
    [role],
  );
  // Changes made here to the chosen role's layout, not yet saved (dropped when another role is picked).
  const [draft, setDraft] = useState<{ role: string; panels: Panel[] }>();
  const ready = !!role && !chosen.loading && !chosen.failed && chosen.data?.role === role;
  const panels: Panel[] =
    draft && draft.role === role ? draft.panels : ready && chosen.data ? normalise(chosen.data.panels) : [];
  const panelName = (id: PanelId) => t(`cockpitStaff.panel.${id}`);
  const roleName = (code: string | null | undefined) => {
    const found = roles.data?.find((r) => r.code === code);
    return found ? localName(found.nameZh, found.nameEn) : (code ?? '');
  };

  const choose = (code: string) => {
    setRole(code);
    setDraft(undefined);
  };
  const edit = (next: Panel[]) => {
    if (role) setDraft({ role, panels: next });
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...panels];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    edit(next);
  };
  const toggle = (id: PanelId, visible: boolean) =>
    edit(panels.map((p) => (p.id === id ? { ...p, visible } : p)));
  const noneVisible = panels.every((p) => !p.visible);
  const save = () => {
    if (!role) return;
    let saved: Layout | undefined;
    void run(
      async () => {
        saved = await unwrap(
          api.PUT('/api/cockpit/layouts/{role}', { params: { path: { role } }, body: { panels } }),
        );
      },
      { success: t('cockpitStaff.layouts.saved', { role: roleName(role) }) },
    ).then((ok) => {
      if (!ok || !saved) return;
      setDraft({ role, panels: normalise(saved.panels) });
      mine.reload();
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="cockpit-layouts">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('cockpitStaff.nav.layouts')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('cockpitStaff.layouts.intro')}</Typography.Paragraph>
      <Card
        size="small"
        title={t('cockpitStaff.layouts.mine')}
        loading={mine.loading && !mine.data}
        extra={
          <Link to="/cockpit">
            <DesktopOutlined /> {t('cockpitStaff.layouts.openScreen')}
          </Link>
        }
      >
        {mine.data && (
          <Space orientation="vertical" size="small">
            <Typography.Text>
              {mine.data.role
                ? t('cockpitStaff.layouts.mineRole', { role: roleName(mine.data.role) })
                : t('cockpitStaff.layouts.mineDefault')}
            </Typography.Text>
            <Space wrap size={[4, 8]} data-testid="cockpit-layout-mine">
              {normalise(mine.data.panels).map((p, i) => (
                <Tag key={p.id} color={p.visible ? 'blue' : 'default'}>
                  {i + 1}. {panelName(p.id)}
                  {p.visible ? '' : ` ${t('cockpitStaff.layouts.hidden')}`}
                </Tag>
              ))}
            </Space>
          </Space>
        )}
      </Card>
      <Card size="small">
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item label={t('cockpitStaff.layouts.role')} extra={t('cockpitStaff.layouts.roleHelp')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={role}
              onChange={choose}
              loading={roles.loading}
              style={{ maxWidth: 360 }}
              options={(roles.data ?? []).map((r) => ({
                value: r.code,
                label: `${localName(r.nameZh, r.nameEn)}（${r.code}）`,
              }))}
              aria-label={t('cockpitStaff.layouts.role')}
              data-testid="cockpit-layout-role"
            />
          </Form.Item>
        </Form>
        {role && (
          <>
            <Table<Panel>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={panels}
              loading={chosen.loading}
              style={{ maxWidth: 720 }}
              data-testid="cockpit-layout-panels"
              columns={[
                {
                  title: t('cockpitStaff.layouts.order'),
                  key: 'order',
                  width: 72,
                  render: (_, __, i) => i + 1,
                },
                {
                  title: t('cockpitStaff.layouts.panel'),
                  dataIndex: 'id',
                  render: (id: PanelId) => panelName(id),
                },
                {
                  title: t('cockpitStaff.layouts.visible'),
                  dataIndex: 'visible',
                  width: 96,
                  render: (visible: boolean, p) => (
                    <Switch
                      checked={visible}
                      onChange={(next) => toggle(p.id, next)}
                      aria-label={t('cockpitStaff.layouts.visibleLabel', { name: panelName(p.id) })}
                    />
                  ),
                },
                {
                  title: t('common.actions'),
                  key: 'move',
                  width: 200,
                  render: (_, p, i) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                        aria-label={t('cockpitStaff.layouts.upLabel', { name: panelName(p.id) })}
                      >
                        {t('cockpitStaff.layouts.up')}
                      </Button>
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={i === panels.length - 1}
                        onClick={() => move(i, 1)}
                        aria-label={t('cockpitStaff.layouts.downLabel', { name: panelName(p.id) })}
                      >
                        {t('cockpitStaff.layouts.down')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            {ready && noneVisible && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12, maxWidth: 720 }}
                title={t('cockpitStaff.layouts.noneVisible')}
              />
            )}
            <Space style={{ marginTop: 16 }}>
              <Button
                type="primary"
                onClick={save}
                loading={pending}
                disabled={!ready || noneVisible}
                data-testid="cockpit-layout-save"
              >
                {t('common.save')}
              </Button>
              <Button disabled={!ready} onClick={() => edit(defaults())}>
                {t('cockpitStaff.layouts.reset')}
              </Button>
            </Space>
          </>
        )}
      </Card>
    </Space>
  );
}
