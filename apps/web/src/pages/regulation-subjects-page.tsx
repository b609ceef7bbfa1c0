import { Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/api';
import { DivisionPicker } from '../components/division-picker';
import { CreditClassTag } from '../components/regulation-staff/tags';
import {
  CREDIT_CLASSES,
  type CreditClass,
  call,
  SUBJECT_KINDS,
  type SubjectKind,
  type SubjectListItem,
  subjectPath,
} from '../components/regulation-staff/types';
import { useTownNames } from '../components/services-staff/lookups';
import { useLoad } from '../components/use-load';
import { useEnumLabel, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const PAGE_SIZE = 20;

/** 市场主体: search by name, credit code, legal representative or address; filter; page. */
export function RegulationSubjectsPage() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { elderMode } = usePreferences();
  const townName = useTownNames();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<SubjectKind>();
  const [divisionCode, setDivisionCode] = useState<string>();
  const [creditClass, setCreditClass] = useState<CreditClass>();
  const [page, setPage] = useState(1);
  const subjects = useLoad(
    () =>
      call(
        api.GET('/api/regulation/subjects', {
          params: {
            query: {
              q: q || undefined,
              kind,
              divisionCode,
              creditClass,
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
        }),
      ),
    [q, kind, divisionCode, creditClass, page],
  );
  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reg-subjects">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('regStaff.nav.subjects')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('regStaff.subjects.intro')}</Typography.Paragraph>
      <label htmlFor="reg-subjects-q">{t('regStaff.subjects.search')}</label>
      <Space wrap>
        <Input.Search
          id="reg-subjects-q"
          allowClear
          enterButton
          style={{ width: elderMode ? 480 : 360 }}
          onSearch={filter((value: string) => setQ(value.trim()))}
          data-testid="reg-subjects-search"
        />
        <Space>
          <label htmlFor="reg-subjects-kind">{t('regStaff.subject.kind')}</label>
          <Select<SubjectKind>
            id="reg-subjects-kind"
            allowClear
            style={{ width: elderMode ? 200 : 160 }}
            value={kind}
            onChange={filter(setKind)}
            options={SUBJECT_KINDS.map((value) => ({ value, label: t(`regStaff.kind.${value}`) }))}
          />
        </Space>
        <Space>
          <label htmlFor="reg-subjects-township">{t('regStaff.subject.township')}</label>
          <DivisionPicker
            id="reg-subjects-township"
            depth="town"
            style={{ width: elderMode ? 280 : 220 }}
            value={divisionCode}
            onChange={filter(setDivisionCode)}
          />
        </Space>
        <Space>
          <label htmlFor="reg-subjects-class">{t('regStaff.subject.creditClass')}</label>
          <Select<CreditClass>
            id="reg-subjects-class"
            allowClear
            style={{ width: elderMode ? 240 : 190 }}
            value={creditClass}
            onChange={filter(setCreditClass)}
            options={CREDIT_CLASSES.map((value) => ({
              value,
              label: `${value} · ${t(`regStaff.class.${value}`)}`,
            }))}
            data-testid="reg-subjects-class"
          />
        </Space>
      </Space>
      <Card size="small">
        <Table<SubjectListItem>
          rowKey="id"
          size={elderMode ? 'large' : 'middle'}
          loading={subjects.loading}
          dataSource={subjects.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('regStaff.subjects.empty')} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: subjects.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('regStaff.subjects.total', { total }),
            onChange: setPage,
          }}
          onRow={(row) =>
            ({ 'data-testid': `reg-subject-row-${row.uscc}` }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('regStaff.subject.name'),
              dataIndex: 'name',
              fixed: 'left',
              render: (name: string, row) => <Link to={subjectPath(row.id)}>{name}</Link>,
            },
            {
              title: t('regStaff.subject.uscc'),
              dataIndex: 'uscc',
              render: (value: string) => <span className="zz-mono">{value}</span>,
            },
            {
              title: t('regStaff.subject.kind'),
              dataIndex: 'kind',
              render: (value: string) => enumLabel('regStaff.kind', value),
            },
            { title: t('regStaff.subject.legalRepresentative'), dataIndex: 'legalRepresentative' },
            { title: t('regStaff.subject.address'), dataIndex: 'address' },
            {
              title: t('regStaff.subject.township'),
              dataIndex: 'divisionCode',
              render: (code: string) => townName(`${code.slice(0, 9)}000`),
            },
            {
              title: t('regStaff.subject.creditClass'),
              dataIndex: 'creditClass',
              render: (value: CreditClass | null) => <CreditClassTag value={value} />,
            },
            {
              title: t('regStaff.subject.status'),
              dataIndex: 'status',
              render: (value: string) => (
                <Tag color={value === 'operating' ? 'green' : 'default'}>
                  {enumLabel('regStaff.status', value)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
