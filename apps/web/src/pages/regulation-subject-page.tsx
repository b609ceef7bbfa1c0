import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api';
import { InspectionsTable, WarningsTable } from '../components/regulation-staff/activity-tables';
import {
  RatingCards,
  RatingHistoryTable,
  RecordsTable,
  recordRowId,
} from '../components/regulation-staff/credit-panels';
import { RecordForm } from '../components/regulation-staff/record-form';
import {
  LicencesTable,
  RegistrationFacts,
  ShopCodeCard,
  StatusHistory,
} from '../components/regulation-staff/subject-registration';
import { CreditClassTag } from '../components/regulation-staff/tags';
import { type CreditWarning, call, REGULATION_PERMISSIONS as P } from '../components/regulation-staff/types';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

/** 主体档案: registration, licences, history, credit classes with their explanation, records, inspections, warnings, 众安码. */
export function RegulationSubjectPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { elderMode } = usePreferences();
  const { can } = useSession();
  const { run } = useAction();
  const [highlighted, setHighlighted] = useState<string[]>([]);
  const profile = useLoad(
    () => call(api.GET('/api/regulation/subjects/{id}', { params: { path: { id } } })),
    [id],
  );
  const ruleSets = useLoad(() => call(api.GET('/api/regulation/rule-sets')).then((b) => b.items), []);
  const showRecords = (ids: string[]) => {
    setHighlighted(ids);
    document
      .getElementById(recordRowId(ids[0] ?? ''))
      ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  const acknowledge = (warning: CreditWarning) =>
    run(
      () =>
        call(api.POST('/api/regulation/warnings/{id}/acknowledge', { params: { path: { id: warning.id } } })),
      { success: t('regStaff.warning.acknowledged') },
    ).then((ok) => ok && profile.reload());

  if (!profile.data) {
    return profile.failed ? (
      <Result
        status="404"
        title={t('regStaff.subject.notFound')}
        extra={<Link to="/regulation/subjects">{t('regStaff.subject.back')}</Link>}
      />
    ) : (
      <Spin />
    );
  }
  const { subject, history, records, ratings, inspections, warnings, code } = profile.data;
  const general = ratings.current.find((r) => r.ruleSetCode === 'general');
  const wide = elderMode ? 24 : 16;
  const narrow = elderMode ? 24 : 8;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reg-subject">
      <Link to="/regulation/subjects">
        <ArrowLeftOutlined /> {t('regStaff.subject.back')}
      </Link>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="reg-subject-name">
          {subject.name}
        </Typography.Title>
        <CreditClassTag value={general?.creditClass} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={wide}>
          <Card size="small" title={t('regStaff.subject.registration')}>
            <RegistrationFacts subject={subject} />
          </Card>
        </Col>
        <Col xs={24} xl={narrow}>
          <ShopCodeCard code={code} />
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 12}>
          <Card size="small" title={t('regStaff.licence.title')}>
            <LicencesTable licences={subject.licences} />
          </Card>
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 12}>
          <Card size="small" title={t('regStaff.history.title')}>
            <StatusHistory history={history} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('regStaff.rating.title')}>
        <RatingCards
          ratings={ratings.current}
          ruleSets={ruleSets.data ?? []}
          records={records}
          onShowRecords={showRecords}
        />
      </Card>
      <Card size="small" title={t('regStaff.rating.history')}>
        <RatingHistoryTable history={ratings.history} ruleSets={ruleSets.data ?? []} />
      </Card>
      <Card
        size="small"
        title={t('regStaff.record.title')}
        extra={
          <Space>
            {highlighted.length > 0 && (
              <Button size="small" onClick={() => setHighlighted([])}>
                {t('regStaff.record.clearHighlight')}
              </Button>
            )}
            {can(P.manageSubjects) && <RecordForm subject={subject} onSaved={profile.reload} />}
          </Space>
        }
      >
        <RecordsTable records={records} highlighted={highlighted} />
      </Card>
      <Card size="small" title={t('regStaff.inspection.title')}>
        <InspectionsTable inspections={inspections} />
      </Card>
      <Card size="small" title={t('regStaff.warning.title')}>
        <WarningsTable warnings={warnings} onAcknowledge={acknowledge} />
      </Card>
    </Space>
  );
}
