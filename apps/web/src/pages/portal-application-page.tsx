import { Alert, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { RequireApplicant } from '../components/gov-services/applicant-session';
import { CaseProgress } from '../components/gov-services/case-progress';
import { DraftEditor } from '../components/gov-services/draft-editor';
import { MaterialSet } from '../components/gov-services/material-set';
import { loadApplication, loadTowns } from '../components/gov-services/portal-api';
import { stateColor, yuan } from '../components/gov-services/portal-format';
import { PortalShell } from '../components/gov-services/portal-shell';
import { RatingPanel } from '../components/gov-services/rating-panel';
import type { ApplicationView, SubmitResult } from '../components/gov-services/types';
import { formatDateTime } from '../components/format';
import { useLoad } from '../components/use-load';
import { useEnumLabel, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

/** The number and query password, shown once after submitting. */
function Receipt({ result }: { result: SubmitResult }) {
  const t = useT();
  return (
    <Result
      status="success"
      title={t('portal.receipt.title')}
      data-testid="portal-receipt"
      subTitle={
        <Space orientation="vertical">
          <Typography.Text style={{ fontSize: '1.25em' }}>
            {t('portal.receipt.number')}{' '}
            <Typography.Text strong copyable className="zz-mono" data-testid="portal-receipt-number">
              {result.number}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text style={{ fontSize: '1.25em' }}>
            {t('portal.receipt.password')}{' '}
            <Typography.Text strong copyable className="zz-mono" data-testid="portal-receipt-password">
              {result.queryPassword}
            </Typography.Text>
          </Typography.Text>
          <Alert type="warning" showIcon title={t('portal.receipt.writeDown')} />
        </Space>
      }
    />
  );
}

function Detail({ id }: { id: string }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale } = usePreferences();
  const loaded = useLoad(() => loadApplication(id), [id]);
  const towns = useLoad(loadTowns, []);
  const [view, setView] = useState<ApplicationView>();
  const [receipt, setReceipt] = useState<SubmitResult>();
  useEffect(() => setView(loaded.data), [loaded.data]);

  if (!view)
    return loaded.failed ? (
      <Result
        status="404"
        title={t('portal.applications.notFound')}
        extra={<Link to="/portal/applications">{t('portal.nav.applications')}</Link>}
      />
    ) : (
      <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />
    );
  const { application } = view;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {receipt && <Receipt result={receipt} />}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="middle">
          <Descriptions.Item label={t('portal.applications.number')}>
            <span className="zz-mono" data-testid="portal-application-number">
              {application.number ?? t('portal.applications.draftNumber')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.applications.status')}>
            <Tag
              color={stateColor(application.status)}
              data-testid="portal-application-status"
              data-status={application.status}
            >
              {enumLabel('portal.status', application.status)}
            </Tag>
          </Descriptions.Item>
          {application.submittedAt && (
            <Descriptions.Item label={t('portal.applications.submitted')}>
              {formatDateTime(application.submittedAt, locale)}
            </Descriptions.Item>
          )}
          {application.feesFen > 0 && (
            <Descriptions.Item label={t('portal.matter.fees')}>
              {t('portal.applications.fees', { yuan: yuan(application.feesFen) })}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {application.status === 'draft' ? (
        <DraftEditor
          view={view}
          towns={towns.data ?? []}
          onChange={setView}
          onSubmitted={(result) => {
            setReceipt(result);
            loaded.reload();
            window.scrollTo({ top: 0 });
          }}
          reload={loaded.reload}
        />
      ) : (
        <>
          <Card title={t('portal.applications.progress')}>
            <CaseProgress view={view} onChange={setView} />
          </Card>
          <RatingPanel
            applicationId={application.id}
            status={application.status}
            ratings={view.ratings ?? []}
            onRated={loaded.reload}
          />
          <Card title={t('portal.apply.materialsTitle', { n: view.plan.materials.length })}>
            <MaterialSet
              application={application}
              materials={view.plan.materials}
              mode="read"
              onChange={() => undefined}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

/** 办件详情: the draft to complete, or progress, 补正, certificates and 好差评. */
export function PortalApplicationPage() {
  const t = useT();
  const { id = '' } = useParams();
  return (
    <PortalShell title={t('portal.applications.detail')}>
      <RequireApplicant>
        <Detail id={id} />
      </RequireApplicant>
    </PortalShell>
  );
}
