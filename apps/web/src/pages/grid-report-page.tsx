import { unwrap } from '@zhizhi/api-client';
import { Button, Card, Descriptions, Form, Result, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/api';
import { EventReportForm } from '../components/public/event-report-form';
import {
  loadRegion,
  loadStaffCategories,
  reportAsStaff,
  type StaffEvent,
  uploadPhoto,
} from '../components/public/report-api';
import { EventStateTag } from '../components/public/tracking-view';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { useSession } from '../session/session';

interface Reported {
  event: StaffEvent;
  stateName: { zh: string; en: string } | null;
  department: { name: string; nameEn: string } | null;
}

/**
 * Divisions below the district where the user holds roles: a grid worker's village. The server
 * derives the township from the location, which a village-scoped worker may not report into, so
 * the report names the worker's own division.
 */
function useReportDivisions(): { code: string; name: string }[] {
  const { me } = useSession();
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const role of me?.roles ?? []) {
      if (role.divisionCode.endsWith('000000') || seen.has(role.divisionCode)) continue;
      seen.set(role.divisionCode, role.divisionName ?? role.divisionCode);
    }
    // Villages (most specific) first.
    return [...seen]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => Number(a.code.endsWith('000')) - Number(b.code.endsWith('000')));
  }, [me]);
}

/** The routed case with names for its state and department (best effort: the report stands anyway). */
async function describe(event: StaffEvent): Promise<Reported> {
  try {
    const detail = await unwrap(
      api.GET('/api/governance/events/{id}', { params: { path: { id: event.id } } }),
    );
    const state = detail.type.states.find((candidate) => candidate.code === event.state);
    const department = detail.departments.find((candidate) => candidate.id === event.departmentId);
    return { event, stateName: state?.name ?? null, department: department ?? null };
  } catch {
    return { event, stateName: null, department: null };
  }
}

/** 上报事件: a grid worker reports what they found on their round; it is routed at once. */
export function GridReportPage() {
  const t = useT();
  const localName = useLocalName();
  const navigate = useNavigate();
  const categories = useLoad(loadStaffCategories, []);
  const region = useLoad(loadRegion, []);
  const divisions = useReportDivisions();
  const [reported, setReported] = useState<Reported>();
  const [formKey, setFormKey] = useState(0);

  if (reported) {
    const { event, stateName, department } = reported;
    return (
      <Card style={{ maxWidth: 720 }} data-testid="grid-report-result">
        <Result
          status="success"
          title={t('gridReport.success')}
          subTitle={
            <>
              {t('gridReport.number')}{' '}
              <span className="zz-mono" style={{ wordBreak: 'keep-all' }} data-testid="grid-report-number">
                {event.number}
              </span>
            </>
          }
          style={{ padding: '16px 0' }}
          extra={
            <Space wrap style={{ justifyContent: 'center' }}>
              <Button
                type="primary"
                onClick={() => navigate(`/cases/${event.id}`)}
                data-testid="grid-report-view"
              >
                {t('gridReport.view')}
              </Button>
              <Button
                onClick={() => {
                  setReported(undefined);
                  setFormKey((key) => key + 1);
                }}
              >
                {t('gridReport.another')}
              </Button>
            </Space>
          }
        />
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'state',
              label: t('gridReport.state'),
              children: (
                <EventStateTag
                  state={event.state}
                  name={stateName ? localName(stateName.zh, stateName.en) : event.state}
                />
              ),
            },
            {
              key: 'department',
              label: t('gridReport.department'),
              children: (
                <span data-testid="grid-report-department">
                  {department
                    ? localName(department.name, department.nameEn)
                    : event.departmentId
                      ? '—'
                      : t('gridReport.noDepartment')}
                </span>
              ),
            },
          ]}
        />
      </Card>
    );
  }

  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('gridReport.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('gridReport.intro')}</Typography.Paragraph>
      <EventReportForm
        key={formKey}
        name="grid-report"
        categories={categories.data}
        region={region.data}
        uploadPhoto={(file) => uploadPhoto('staff', file)}
        withContact={false}
        extraFields={
          divisions.length === 1 ? (
            // `required` only hides the "(optional)" mark: this is a statement, not a field.
            <Form.Item label={t('gridReport.division')} extra={t('gridReport.divisionHelp')} required>
              <Typography.Text data-testid="grid-report-division">{divisions[0]?.name}</Typography.Text>
            </Form.Item>
          ) : (
            divisions.length > 1 && (
              <Form.Item
                label={t('gridReport.division')}
                name="divisionCode"
                initialValue={divisions[0]?.code}
                extra={t('gridReport.divisionHelp')}
              >
                <Select
                  options={[
                    ...divisions.map((division) => ({ value: division.code, label: division.name })),
                    { value: '', label: t('gridReport.divisionAuto') },
                  ]}
                />
              </Form.Item>
            )
          )
        }
        submitText={t('gridReport.submit')}
        submit={async (payload) => {
          const divisionCode = divisions.length === 1 ? divisions[0]?.code : payload.divisionCode;
          setReported(await describe(await reportAsStaff({ ...payload, divisionCode })));
          window.scrollTo({ top: 0 });
        }}
      />
    </div>
  );
}
