import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiProblemError, unwrap } from '@zhizhi/api-client';
import { Alert, Button, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/api';
import { CaseActions } from '../components/cases/case-actions';
import { CaseClocks } from '../components/cases/case-clocks';
import { CaseData, RelatedCases } from '../components/cases/case-info';
import { StateTag, useCaseLabels } from '../components/cases/case-labels';
import { CaseTimeline } from '../components/cases/case-timeline';
import { rememberCaseType, useRegionBoundary } from '../components/cases/lookups';
import { SlaTag } from '../components/cases/sla-tag';
import { type CaseDetail, casePath, locationOf } from '../components/cases/types';
import { formatDateTime } from '../components/format';
import { EventMap } from '../components/map';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

/** An event with its channel; co-handling and rectification cases come from the generic engine. */
async function loadCase(id: string): Promise<CaseDetail> {
  try {
    return await unwrap(api.GET('/api/governance/events/{id}', { params: { path: { id } } }));
  } catch (error) {
    if (!(error instanceof ApiProblemError) || error.problem.status !== 404) throw error;
    const detail = await unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } }));
    return { ...detail, channel: null };
  }
}

/** One case: header with deadlines, what was reported, map, timeline, related cases and the steps open now. */
export function CasesDetailPage() {
  const t = useT();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const loaded = useLoad(() => loadCase(id), [id]);
  const detail = loaded.data?.id === id ? loaded.data : undefined;
  const labels = useCaseLabels(detail?.type);
  const boundary = useRegionBoundary();
  useEffect(() => {
    if (detail) rememberCaseType(detail.type);
  }, [detail]);

  if (!detail) {
    if (loaded.failed)
      return (
        <Result
          status="404"
          title={t('cases.notFound')}
          extra={<Button onClick={() => navigate('/cases')}>{t('cases.backToList')}</Button>}
        />
      );
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }

  const location = locationOf(detail.data.location);
  const pending = detail.meta.pendingExtension;
  const mainClock = detail.clocks[0];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="case-detail">
      <Space wrap>
        <Link to="/cases">
          <ArrowLeftOutlined /> {t('cases.backToList')}
        </Link>
      </Space>
      <Card>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Space wrap align="center">
            <Typography.Text className="zz-mono" data-testid="case-number">
              {detail.number}
            </Typography.Text>
            <StateTag state={detail.state} labels={labels} />
            {mainClock && (
              <SlaTag
                dueAt={detail.dueAt ?? mainClock.dueAt}
                warnAt={detail.warnAt}
                closedAt={detail.closedAt}
                paused={mainClock.status === 'paused'}
                late={detail.late}
              />
            )}
            <Button size="small" icon={<ReloadOutlined />} onClick={loaded.reload} loading={loaded.loading}>
              {t('common.refresh')}
            </Button>
          </Space>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
            {detail.title}
          </Typography.Title>
          {detail.mergedInto && (
            <Alert
              type="info"
              showIcon
              title={t('cases.mergedNotice')}
              action={<Link to={casePath(detail.mergedInto)}>{t('cases.openPrimary')}</Link>}
            />
          )}
          {pending && (
            <Alert
              type="warning"
              showIcon
              data-testid="pending-extension"
              title={t('cases.extension.pendingNotice', {
                n: pending.units,
                unit: labels.clockUnit(pending.clock),
                at: formatDateTime(pending.at, locale),
              })}
              description={pending.reason}
            />
          )}
          <CaseActions detail={detail} labels={labels} onChanged={loaded.reload} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('cases.section.clocks')}>
              <CaseClocks clocks={detail.clocks} labels={labels} />
            </Card>
            <Card title={t('cases.section.data')}>
              <CaseData detail={detail} labels={labels} />
            </Card>
            <Card title={t('cases.section.related')}>
              <RelatedCases detail={detail} labels={labels} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xxl={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {location && (
              <Card title={t('cases.section.map')}>
                <EventMap
                  height={280}
                  boundary={boundary}
                  points={[
                    {
                      id: detail.id,
                      lng: location.lng,
                      lat: location.lat,
                      title: detail.title,
                      status: labels.stateName(detail.state),
                    },
                  ]}
                />
              </Card>
            )}
            <Card title={t('cases.section.timeline')}>
              <CaseTimeline detail={detail} labels={labels} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
