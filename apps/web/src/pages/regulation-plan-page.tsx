import { ArrowLeftOutlined, LockOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api';
import { formatDateTime } from '../components/format';
import { useItemNames } from '../components/regulation-staff/activity-tables';
import {
  CommitmentCard,
  previewStrata,
  ResultCard,
  ShortfallsTable,
  StrataTable,
  VisitsTable,
} from '../components/regulation-staff/draw-panels';
import { CreditClassTag, PlanStatusTag } from '../components/regulation-staff/tags';
import { CREDIT_CLASSES, call, REGULATION_PERMISSIONS as P } from '../components/regulation-staff/types';
import { useDepartmentsByCode, useTownNames } from '../components/services-staff/lookups';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

const STEP: Record<string, number> = { draft: 0, committed: 1, drawn: 2, published: 2 };

/** 抽取控制台: the plan, its public commitment before the draw, the draw, and its published result. */
export function RegulationPlanPage() {
  const t = useT();
  const localName = useLocalName();
  const { id = '' } = useParams();
  const { modal } = App.useApp();
  const { locale, elderMode } = usePreferences();
  const { can } = useSession();
  const { pending, run } = useAction();
  const departments = useDepartmentsByCode();
  const townName = useTownNames();
  const itemName = useItemNames();
  const view = useLoad(() => call(api.GET('/api/regulation/plans/{id}', { params: { path: { id } } })), [id]);
  const inspectors = useLoad(() => call(api.GET('/api/regulation/inspectors')).then((b) => b.items), []);
  const inspectorName = useMemo(() => {
    const names = new Map((inspectors.data ?? []).map((i) => [i.id, i.name]));
    return (inspectorId: string) => names.get(inspectorId) ?? inspectorId.slice(0, 8);
  }, [inspectors.data]);

  if (!view.data) {
    return view.failed ? (
      <Result
        status="404"
        title={t('regStaff.plan.notFound')}
        extra={<Link to="/regulation/plans">{t('regStaff.plan.back')}</Link>}
      />
    ) : (
      <Spin />
    );
  }
  const { plan, inspections } = view.data;
  const planId = plan.id;
  const canManage = can(P.managePlans);
  const drawn = plan.status === 'drawn' || plan.status === 'published';

  const confirm = (action: 'commit' | 'draw') =>
    modal.confirm({
      title: t(`regStaff.draw.${action}Confirm`),
      content: t(`regStaff.draw.${action}ConfirmText`),
      okText: t(`regStaff.draw.${action}`),
      cancelText: t('common.cancel'),
      onOk: () =>
        run(
          () =>
            action === 'commit'
              ? call(api.POST('/api/regulation/plans/{id}/commit', { params: { path: { id: planId } } }))
              : call(api.POST('/api/regulation/plans/{id}/draw', { params: { path: { id: planId } } })),
          { success: t(`regStaff.draw.${action}Done`) },
        ).then((ok) => {
          if (ok) view.reload();
        }),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reg-plan">
      <Link to="/regulation/plans">
        <ArrowLeftOutlined /> {t('regStaff.plan.back')}
      </Link>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {localName(plan.nameZh, plan.nameEn)}
        </Typography.Title>
        <Typography.Text className="zz-mono">{plan.number}</Typography.Text>
        <PlanStatusTag status={plan.status} />
      </Space>
      <Steps
        current={STEP[plan.status] ?? 0}
        orientation={elderMode ? 'vertical' : 'horizontal'}
        items={[
          { title: t('regStaff.draw.step.draft'), description: formatDateTime(plan.createdAt, locale) },
          {
            title: t('regStaff.draw.step.committed'),
            description: plan.committedAt ? formatDateTime(plan.committedAt, locale) : undefined,
          },
          {
            title: t('regStaff.draw.step.drawn'),
            description: plan.drawnAt ? formatDateTime(plan.drawnAt, locale) : undefined,
          },
        ]}
      />
      {canManage && !drawn && (
        <Space wrap>
          {plan.status === 'draft' && (
            <Button
              type="primary"
              icon={<LockOutlined />}
              loading={pending}
              onClick={() => confirm('commit')}
              data-testid="reg-plan-commit"
            >
              {t('regStaff.draw.commit')}
            </Button>
          )}
          {plan.status === 'committed' && (
            <Button
              type="primary"
              danger
              icon={<ThunderboltOutlined />}
              loading={pending}
              onClick={() => confirm('draw')}
              data-testid="reg-plan-draw"
            >
              {t('regStaff.draw.draw')}
            </Button>
          )}
          <Typography.Text type="secondary">
            {plan.status === 'draft' ? t('regStaff.draw.commitHelp') : t('regStaff.draw.drawHelp')}
          </Typography.Text>
        </Space>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={elderMode || plan.status === 'draft' ? 24 : 12}>
          <Card size="small" title={t('regStaff.plan.facts')}>
            <Descriptions size="small" bordered column={1} data-testid="reg-plan-facts">
              <Descriptions.Item label={t('regStaff.plan.department')}>
                {departments.name(plan.departmentCode)}
              </Descriptions.Item>
              <Descriptions.Item label={t('regStaff.plan.townships')}>
                {plan.divisionCodes.length
                  ? plan.divisionCodes.map(townName).join('、')
                  : t('regStaff.plan.wholeDistrict')}
              </Descriptions.Item>
              <Descriptions.Item label={t('regStaff.plan.minInspectors')}>
                {plan.minInspectors}
              </Descriptions.Item>
              <Descriptions.Item label={t('regStaff.plan.createdBy')}>{plan.createdBy}</Descriptions.Item>
              <Descriptions.Item label={t('regStaff.plan.items')}>
                <Space orientation="vertical" size={4}>
                  {plan.items.map((item) => (
                    <Space key={item.code} wrap size={4}>
                      <strong>{itemName(item.code)}</strong>
                      {CREDIT_CLASSES.map((c) => (
                        <span key={c}>
                          <CreditClassTag value={c} short />
                          {Math.round(item.ratioByClass[c] * 10000) / 100}%
                        </span>
                      ))}
                    </Space>
                  ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        {plan.status !== 'draft' && (
          <Col xs={24} xl={elderMode ? 24 : 12}>
            <CommitmentCard plan={plan} />
          </Col>
        )}
      </Row>
      {plan.status === 'committed' && (
        <Card size="small" title={t('regStaff.draw.preview')}>
          <StrataTable strata={previewStrata(plan)} itemName={itemName} preview />
        </Card>
      )}
      {drawn && plan.result && (
        <>
          <ResultCard plan={plan} />
          <Card size="small" title={t('regStaff.draw.strata')}>
            <StrataTable strata={plan.result.strata} itemName={itemName} />
          </Card>
          <Card
            size="small"
            title={t('regStaff.draw.visits')}
            extra={
              <Space>
                <Tag>{t('regStaff.draw.visitCount', { count: plan.result.visits.length })}</Tag>
                <Tag color="purple">
                  {t('regStaff.draw.jointCount', { count: plan.result.visits.filter((v) => v.joint).length })}
                </Tag>
              </Space>
            }
          >
            <VisitsTable
              visits={plan.result.visits}
              inspections={inspections}
              itemName={itemName}
              inspectorName={inspectorName}
            />
          </Card>
          <Card size="small" title={t('regStaff.draw.shortfalls')}>
            <ShortfallsTable shortfalls={plan.result.shortfalls} itemName={itemName} />
          </Card>
        </>
      )}
    </Space>
  );
}
