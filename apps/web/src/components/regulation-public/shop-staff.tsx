import type { Problem } from '@zhizhi/api-client';
import { Button, Card, Form, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocalName, useT } from '../../i18n/use-t';
import { useLoad } from '../use-load';
import { ProblemAlert, StatusTag, useRegProblem } from './labels';
import { loadInspectors, loadItems, startOnSpot } from './regulation-api';
import type { ShopPage, ShopVisit } from './types';

// Long item names wrap inside their tag on a phone instead of running off the screen.
const WRAP = { whiteSpace: 'normal' as const, maxWidth: '100%' };

function useItemNames() {
  const name = useLocalName();
  const items = useLoad(() => loadItems().catch(() => []), []);
  return {
    items: items.data ?? [],
    nameOf: (code: string) => {
      const item = items.data?.find((i) => i.code === code);
      return item ? name(item.nameZh, item.nameEn) : code;
    },
  };
}

/** 码上检查: open this shop's assigned visit, or start one on the spot with a partner. */
export function ShopInspect({ page }: { page: ShopPage }) {
  const t = useT();
  const navigate = useNavigate();
  const describe = useRegProblem();
  const { items, nameOf } = useItemNames();
  const inspectors = useLoad(() => loadInspectors(), []);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ problem: Problem; text: string } | null>(null);
  const me = page.inspector?.id;
  const partners = (inspectors.data ?? []).filter((i) => i.active && i.id !== me);
  const open = page.visits.filter((v) => v.status !== 'to_publish');

  const start = async (values: { itemCodes: string[]; partnerId: string }) => {
    setPending(true);
    setFailure(null);
    try {
      const opened = await startOnSpot({ subjectId: page.subject.id, ...values });
      navigate(`/inspect/${opened.id}`);
    } catch (error) {
      setFailure(describe(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Card
      id="reg-inspect"
      title={t('regPublic.shop.inspect')}
      data-testid="reg-shop-inspect"
      style={{ marginBottom: 12 }}
    >
      {open.length > 0 && (
        <List<ShopVisit>
          size="small"
          header={t('regPublic.shopInspect.open')}
          dataSource={open}
          style={{ marginBottom: 12 }}
          renderItem={(visit) => (
            <List.Item
              actions={[
                <Link key="open" to={`/inspect/${visit.id}`} data-testid="reg-shop-visit-link">
                  {t(
                    visit.status === 'assigned'
                      ? 'regPublic.shopInspect.record'
                      : 'regPublic.shopInspect.openVisit',
                  )}
                </Link>,
              ]}
            >
              <Space wrap size={4}>
                <StatusTag status={visit.status} />
                {visit.itemCodes.map((c) => (
                  <Tag key={c} style={WRAP}>
                    {nameOf(c)}
                  </Tag>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Text strong>{t('regPublic.shopInspect.startTitle')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('regPublic.shopInspect.startIntro')}</Typography.Paragraph>
      <ProblemAlert failure={failure} />
      <Form layout="vertical" onFinish={start} data-testid="reg-start-form">
        <Form.Item
          name="itemCodes"
          label={t('regPublic.shopInspect.items')}
          rules={[{ required: true, message: t('regPublic.shopInspect.itemsRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={items.filter((i) => i.active).map((i) => ({ value: i.code, label: nameOf(i.code) }))}
            data-testid="reg-start-items"
          />
        </Form.Item>
        <Form.Item
          name="partnerId"
          label={t('regPublic.shopInspect.partner')}
          extra={t('regPublic.shopInspect.partnerHint')}
          rules={[{ required: true, message: t('regPublic.shopInspect.partnerRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={inspectors.loading}
            options={partners.map((i) => ({ value: i.id, label: `${i.name}（${i.badgeNumber}）` }))}
            data-testid="reg-start-partner"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={pending}
          data-testid="reg-start-submit"
        >
          {t('regPublic.shopInspect.start')}
        </Button>
      </Form>
    </Card>
  );
}

/** 码上督查: rectifications of this shop, overdue ones first, each with its case for a 督办 note. */
export function ShopSupervise({ page }: { page: ShopPage }) {
  const t = useT();
  const { nameOf } = useItemNames();
  const visits = [...page.visits].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const overdue = visits.filter((v) => v.overdue).length;
  return (
    <Card
      id="reg-supervise"
      title={t('regPublic.shop.supervise')}
      data-testid="reg-shop-supervise"
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph>
        {overdue > 0 ? (
          <Typography.Text type="danger">
            {t('regPublic.supervise.overdueCount', { count: overdue })}
          </Typography.Text>
        ) : (
          t('regPublic.supervise.noneOverdue')
        )}
      </Typography.Paragraph>
      <List<ShopVisit>
        size="small"
        dataSource={visits}
        locale={{ emptyText: t('regPublic.supervise.empty') }}
        renderItem={(visit) => (
          <List.Item
            data-overdue={visit.overdue}
            actions={
              visit.caseId
                ? [
                    <Link key="case" to={`/cases/${visit.caseId}`} data-testid="reg-supervise-case">
                      {t('regPublic.supervise.openCase')}
                    </Link>,
                  ]
                : []
            }
          >
            <div>
              <Space wrap size={4}>
                <StatusTag status={visit.status} />
                {visit.overdue && <Tag color="red">{t('regPublic.supervise.overdue')}</Tag>}
                {visit.itemCodes.map((c) => (
                  <Tag key={c} style={WRAP}>
                    {nameOf(c)}
                  </Tag>
                ))}
              </Space>
              {visit.rectificationDue && (
                <Typography.Text type={visit.overdue ? 'danger' : 'secondary'} style={{ display: 'block' }}>
                  {t('regPublic.inspect.due', { date: visit.rectificationDue })}
                </Typography.Text>
              )}
              {visit.findings && (
                <Typography.Text style={{ display: 'block' }}>{visit.findings}</Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
