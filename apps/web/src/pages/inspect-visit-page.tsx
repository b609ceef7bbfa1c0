import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../components/format';
import {
  PublishPanel,
  RectificationFacts,
  ReinspectForm,
} from '../components/regulation-public/followup-forms';
import { ResultTag, StatusTag } from '../components/regulation-public/labels';
import { loadVisit } from '../components/regulation-public/regulation-api';
import { RecordForm } from '../components/regulation-public/record-form';
import type { InspectionView } from '../components/regulation-public/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

const PUBLISH = 'regulation.inspection.publish';

function SubjectFacts({ view }: { view: InspectionView }) {
  const t = useT();
  const name = useLocalName();
  const { locale, elderMode } = usePreferences();
  const { inspection, subject } = view;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="reg-visit-subject">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {subject.name}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        <StatusTag status={inspection.status} />
        {inspection.result && (
          <ResultTag
            result={inspection.result}
            referred={inspection.referred}
            rectified={inspection.result === 'fail' && !inspection.referred && !!inspection.concludedAt}
          />
        )}
        {inspection.joint && <Tag color="purple">{t('regPublic.inspect.joint')}</Tag>}
      </Space>
      <Descriptions column={1} size="small" layout={elderMode ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('regPublic.subject.uscc')}>
          <span className="zz-mono">{subject.uscc}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('regPublic.subject.address')}>{subject.address}</Descriptions.Item>
        {subject.legalRepresentative && (
          <Descriptions.Item label={t('regPublic.subject.representative')}>
            {subject.legalRepresentative}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('regPublic.subject.industry')}>{subject.industryCode}</Descriptions.Item>
        <Descriptions.Item label={t('regPublic.visit.plan')}>
          {view.plan
            ? `${view.plan.number} ${name(view.plan.nameZh, view.plan.nameEn)}`
            : t('regPublic.inspect.onSpot')}
        </Descriptions.Item>
        <Descriptions.Item label={t('regPublic.visit.items')}>
          {view.items.map((i) => name(i.nameZh, i.nameEn)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('regPublic.visit.inspectors')}>
          {view.inspectors.map((i) => `${i.name}（${i.badgeNumber}）`).join('、')}
        </Descriptions.Item>
        {inspection.rectificationDue && (
          <Descriptions.Item label={t('regPublic.visit.rectificationDue')}>
            {inspection.rectificationDue}
          </Descriptions.Item>
        )}
        {inspection.inspectedAt && (
          <Descriptions.Item label={t('regPublic.visit.inspectedAt')}>
            {formatDateTime(inspection.inspectedAt, locale)}
          </Descriptions.Item>
        )}
        {view.case && (
          <Descriptions.Item label={t('regPublic.visit.case')}>
            <Link to={`/cases/${view.case.id}`}>{view.case.number}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** One visit on the inspector's phone: record it, re-inspect it, or publish its result. */
export function InspectVisitPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { can } = useSession();
  const loaded = useLoad(() => loadVisit(id), [id]);
  const view = loaded.data;

  let body: ReactNode = null;
  if (view) {
    const status = view.inspection.status;
    if (!view.case) body = <Alert type="error" showIcon message={t('regPublic.visit.noCase')} />;
    else if (status === 'assigned' && view.isInspector)
      body = <RecordForm view={view} onDone={loaded.reload} />;
    else if ((status === 'rectifying' || status === 'reinspecting') && view.isInspector)
      body = (
        <>
          {status === 'rectifying' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('regPublic.visit.awaitingReply')}
            />
          )}
          <ReinspectForm view={view} onDone={loaded.reload} />
        </>
      );
    else if (status === 'to_publish' && can(PUBLISH))
      body = <PublishPanel view={view} onDone={loaded.reload} />;
    else if (status === 'rectifying' || status === 'reinspecting') body = <RectificationFacts view={view} />;
    else if (!view.isInspector && status !== 'published')
      body = (
        <Alert type="info" showIcon message={t('regPublic.visit.notYours')} data-testid="reg-not-yours" />
      );
    else
      body = (
        <Alert
          type="success"
          showIcon
          message={t(status === 'published' ? 'regPublic.visit.published' : 'regPublic.visit.toPublish')}
        />
      );
  }

  return (
    <div style={{ maxWidth: 720 }}>
      <Link to="/inspect">
        <ArrowLeftOutlined /> {t('regPublic.inspect.title')}
      </Link>
      {loaded.loading && !view && <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />}
      {loaded.failed && !view && <Result status="warning" title={t('regPublic.visit.notFound')} />}
      {view && (
        <div style={{ marginTop: 12 }}>
          <SubjectFacts view={view} />
          {body}
        </div>
      )}
    </div>
  );
}
