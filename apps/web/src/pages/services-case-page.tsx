import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/api';
import { CaseClocks } from '../components/cases/case-clocks';
import { useCaseLabels } from '../components/cases/case-labels';
import { CaseTimeline } from '../components/cases/case-timeline';
import { SlaTag } from '../components/cases/sla-tag';
import {
  DeadlinePanel,
  FormPanel,
  MatterPanel,
  SiblingsPanel,
} from '../components/services-staff/case-panels';
import { CaseSteps } from '../components/services-staff/case-steps';
import { MaterialsPanel } from '../components/services-staff/materials-panel';
import { ServiceStateTag } from '../components/services-staff/state-tag';
import { call, type ServiceCaseView } from '../components/services-staff/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

/**
 * 办件办理: one matter case with the application behind it (form with sources, materials), its
 * deadlines (承诺 vs 法定, paused during 补正), the history, the bundle's other matters and the steps.
 */
export function ServicesCasePage() {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const navigate = useNavigate();
  const { caseId = '' } = useParams();
  // The services view adds the application; the generic one adds the type, names and people.
  const loaded = useLoad(async () => {
    const [view, generic] = await Promise.all([
      call<ServiceCaseView>(api.GET('/api/services/cases/{caseId}', { params: { path: { caseId } } })),
      unwrap(api.GET('/api/cases/{id}', { params: { path: { id: caseId } } })),
    ]);
    return {
      ...generic,
      ...view,
      type: generic.type,
      departments: generic.departments,
      people: generic.people,
    };
  }, [caseId]);
  const detail = loaded.data?.id === caseId ? loaded.data : undefined;
  const labels = useCaseLabels(detail?.type);

  if (!detail) {
    if (loaded.failed)
      return (
        <Result
          status="404"
          title={t('govStaff.case.notFound')}
          extra={<Button onClick={() => navigate('/services/queue')}>{t('govStaff.case.back')}</Button>}
        />
      );
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  const clock = detail.clocks[0];
  const matterName = (code: string) => {
    const m = detail.plan.matters.find((x) => x.code === code);
    return m ? localName(m.name.zh, m.name.en) : code;
  };
  const ownMaterials = detail.plan.materials.filter(
    (m) => !detail.matter || m.matters.includes(detail.matter.code),
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="services-case">
      <Link to="/services/queue">
        <ArrowLeftOutlined /> {t('govStaff.case.back')}
      </Link>
      <Card>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Space wrap align="center">
            <Typography.Text className="zz-mono" data-testid="services-case-number">
              {detail.number}
            </Typography.Text>
            <ServiceStateTag state={detail.state} testId="services-case-state" />
            {clock && (
              <SlaTag
                dueAt={detail.dueAt ?? clock.dueAt}
                warnAt={detail.warnAt}
                closedAt={detail.closedAt}
                paused={clock.status === 'paused'}
                late={detail.late}
              />
            )}
            <Button size="small" icon={<ReloadOutlined />} onClick={loaded.reload} loading={loaded.loading}>
              {t('common.refresh')}
            </Button>
          </Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {detail.title}
          </Typography.Title>
          <Typography.Text>
            {t('govStaff.case.applicant')}：
            <span data-testid="services-case-applicant">{detail.applicantName}</span>
            {detail.application.number ? ` · ${detail.application.number}` : ''}
          </Typography.Text>
          <CaseSteps detail={detail} onChanged={loaded.reload} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={elderMode ? 24 : 14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('govStaff.case.matter')}>
              <MatterPanel detail={detail} />
            </Card>
            <Card title={t('govStaff.case.form')}>
              <FormPanel detail={detail} />
            </Card>
            <Card title={t('govStaff.case.materials')}>
              <MaterialsPanel
                application={detail.application}
                materials={ownMaterials}
                matterName={detail.plan.matters.length > 1 ? matterName : undefined}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xxl={elderMode ? 24 : 10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('govStaff.case.deadlines')}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <DeadlinePanel detail={detail} />
                <CaseClocks clocks={detail.clocks} labels={labels} />
              </Space>
            </Card>
            <Card title={t('govStaff.case.siblings')}>
              <SiblingsPanel detail={detail} />
            </Card>
            <Card title={t('govStaff.case.history')}>
              <CaseTimeline detail={detail} labels={labels} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
