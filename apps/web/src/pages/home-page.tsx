import { unwrap } from '@zhizhi/api-client';
import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import { api } from '../api/api';
import { loadDivisions } from '../api/divisions';
import { useSystemInfo } from '../api/system-info';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { useSession } from '../session/session';

interface Counts {
  divisions?: number;
  departments?: number;
  grids?: number;
  staff?: number;
}

async function countDivisions(): Promise<number> {
  const roots = await loadDivisions();
  const towns = (await Promise.all(roots.map((root) => loadDivisions(root.code)))).flat();
  const villages = towns.reduce((sum, town) => sum + town.childCount, 0);
  return roots.length + towns.length + villages;
}

async function loadCounts(canOrg: boolean, canStaff: boolean): Promise<Counts> {
  const [divisions, departments, grids, staff] = await Promise.all([
    canOrg ? countDivisions() : undefined,
    canOrg ? unwrap(api.GET('/api/org/departments')).then((body) => body.items.length) : undefined,
    canOrg ? unwrap(api.GET('/api/org/grids')).then((body) => body.items.length) : undefined,
    canStaff
      ? unwrap(api.GET('/api/admin/staff', { params: { query: { page: 1, pageSize: 1 } } })).then(
          (body) => body.total,
        )
      : undefined,
  ]);
  return { divisions, departments, grids, staff };
}

/** The user's roles, each with the division (and department) it applies to. */
function RoleList() {
  const { me } = useSession();
  const t = useT();
  const localName = useLocalName();
  if (!me || me.roles.length === 0) return <>{t('common.none')}</>;
  const ownDepartment = me.department;
  return (
    <Space orientation="vertical" size={4}>
      {me.roles.map((role) => {
        let department = '';
        if (role.departmentId) {
          department =
            ownDepartment?.id === role.departmentId
              ? ` · ${localName(ownDepartment.name, ownDepartment.nameEn)}`
              : ` · ${t('home.departmentOnly')}`;
        }
        return (
          <span key={`${role.roleCode}-${role.divisionCode}-${role.departmentId ?? ''}`}>
            <Tag color="blue">{localName(role.nameZh, role.nameEn)}</Tag>
            {t('home.scope', { division: role.divisionName || role.divisionCode })}
            {department}
          </span>
        );
      })}
    </Space>
  );
}

export function HomePage() {
  const { me, can } = useSession();
  const t = useT();
  const localName = useLocalName();
  const info = useSystemInfo();
  const canOrg = can('org.read');
  const canStaff = can('staff.read');
  const counts = useLoad(() => loadCounts(canOrg, canStaff), [canOrg, canStaff]);
  if (!me) return null;

  const stats: { key: keyof Counts; label: string }[] = [
    { key: 'divisions', label: t('home.countDivisions') },
    { key: 'departments', label: t('home.countDepartments') },
    { key: 'grids', label: t('home.countGrids') },
    { key: 'staff', label: t('home.countStaff') },
  ];
  const shown = stats.filter((stat) => (stat.key === 'staff' ? canStaff : canOrg));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'username', label: t('home.username'), children: me.username },
            {
              key: 'department',
              label: t('home.department'),
              children: me.department
                ? localName(me.department.name, me.department.nameEn)
                : t('common.none'),
            },
            { key: 'roles', label: t('home.roles'), children: <RoleList /> },
          ]}
        />
      </Card>
      {shown.length > 0 && (
        <Row gutter={[16, 16]}>
          {shown.map((stat) => (
            <Col key={stat.key} xs={24} sm={12} lg={6}>
              <Card>
                <Statistic
                  title={stat.label}
                  value={counts.data?.[stat.key] ?? '—'}
                  loading={counts.loading}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card title={t('home.system')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'name', label: t('home.systemName'), children: info?.name ?? '—' },
            { key: 'version', label: t('home.version'), children: info?.version ?? '—' },
            {
              key: 'database',
              label: t('home.database'),
              children: info
                ? t(info.dialect === 'pglite' ? 'home.dialectPglite' : 'home.dialectPostgres')
                : '—',
            },
            {
              key: 'region',
              label: t('home.region'),
              children: info
                ? `${localName(info.region.name, info.region.nameEn)} (${info.region.code})`
                : '—',
            },
            ...(info?.demo
              ? [{ key: 'mode', label: t('home.mode'), children: <Tag color="orange">{t('home.demo')}</Tag> }]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
