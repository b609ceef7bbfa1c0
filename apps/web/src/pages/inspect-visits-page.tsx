import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../components/regulation-public/labels';
import { loadItems, loadMyVisits } from '../components/regulation-public/regulation-api';
import type { InspectionItem, MyVisit } from '../components/regulation-public/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';

// Long item names wrap inside their tag on a phone instead of running off the screen.
const WRAP = { whiteSpace: 'normal' as const, maxWidth: '100%' };

/** 我的检查: the signed-in inspector's open visits, phone first. */
export function InspectVisitsPage() {
  const t = useT();
  const name = useLocalName();
  const loaded = useLoad(async () => {
    // Item names are a nicety: an inspector without read access still sees the codes.
    const [mine, items] = await Promise.all([
      loadMyVisits(),
      loadItems().catch(() => [] as InspectionItem[]),
    ]);
    return { mine, items: new Map(items.map((i) => [i.code, i])) };
  }, []);
  const itemName = (code: string) => {
    const item = loaded.data?.items.get(code);
    return item ? name(item.nameZh, item.nameEn) : code;
  };
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={3}>{t('regPublic.inspect.title')}</Typography.Title>
      {loaded.loading && !loaded.data && (
        <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />
      )}
      {loaded.data && !loaded.data.mine.inspector && (
        <Alert
          type="warning"
          showIcon
          message={t('regPublic.inspect.notOnRoster')}
          data-testid="reg-not-on-roster"
        />
      )}
      {loaded.data?.mine.inspector && (
        <Typography.Paragraph type="secondary">
          {t('regPublic.inspect.intro', { name: loaded.data.mine.inspector.name })}
        </Typography.Paragraph>
      )}
      {loaded.data?.mine.inspector && (
        <List<MyVisit>
          dataSource={loaded.data.mine.items}
          data-testid="reg-my-visits"
          locale={{ emptyText: <Empty description={t('regPublic.inspect.empty')} /> }}
          renderItem={(visit) => {
            const overdue =
              visit.status === 'rectifying' && !!visit.rectificationDue && visit.rectificationDue < today;
            return (
              <Link
                to={`/inspect/${visit.id}`}
                style={{ display: 'block', marginBottom: 12 }}
                data-testid="reg-visit-link"
              >
                <Card size="small" hoverable>
                  <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                    <Typography.Text strong style={{ fontSize: '1.1em' }}>
                      {visit.subjectName}
                    </Typography.Text>
                    <RightOutlined />
                  </Space>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    <EnvironmentOutlined /> {visit.address}
                  </Typography.Paragraph>
                  <div style={{ marginBottom: 4 }}>
                    {visit.itemCodes.map((code) => (
                      <Tag key={code} style={WRAP}>
                        {itemName(code)}
                      </Tag>
                    ))}
                  </div>
                  <Space wrap>
                    <StatusTag status={visit.status} />
                    {visit.planId === null && <Tag>{t('regPublic.inspect.onSpot')}</Tag>}
                    {visit.joint && <Tag color="purple">{t('regPublic.inspect.joint')}</Tag>}
                    {visit.rectificationDue && (
                      <Typography.Text type={overdue ? 'danger' : undefined}>
                        {t(overdue ? 'regPublic.inspect.overdue' : 'regPublic.inspect.due', {
                          date: visit.rectificationDue,
                        })}
                      </Typography.Text>
                    )}
                  </Space>
                </Card>
              </Link>
            );
          }}
        />
      )}
    </div>
  );
}
