import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { MatterBadges } from '../components/gov-services/matter-badges';
import { loadMatter } from '../components/gov-services/portal-api';
import { limitText } from '../components/gov-services/portal-format';
import { PortalShell } from '../components/gov-services/portal-shell';
import { useLoad } from '../components/use-load';
import { useEnumLabel, useLocalName, useT } from '../i18n/use-t';

/** 办事指南: limits (legal vs promised), visits, channels, fees, materials, and the apply button. */
export function PortalMatterPage() {
  const t = useT();
  const name = useLocalName();
  const enumLabel = useEnumLabel();
  const { code = '' } = useParams();
  const loaded = useLoad(() => loadMatter(code), [code]);
  const matter = loaded.data?.matter;

  if (!matter)
    return (
      <PortalShell title={t('portal.matter.title')}>
        {loaded.failed ? (
          <Result
            status="404"
            title={t('portal.matter.notFound')}
            extra={<Link to="/portal">{t('portal.nav.home')}</Link>}
          />
        ) : (
          <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />
        )}
      </PortalShell>
    );

  const fromCertificate = matter.materials.filter((m) => m.source.kind === 'certificate').length;
  return (
    <PortalShell title={name(matter.name.zh, matter.name.en)}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="portal-matter-guide">
        <Card>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <MatterBadges matter={{ ...matter, instant: matter.instantRules.length > 0 }} />
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {name(matter.guide.zh, matter.guide.en)}
            </Typography.Paragraph>
            <Link
              to={`/portal/apply/matter/${encodeURIComponent(matter.code)}`}
              data-testid="portal-matter-apply"
            >
              <Button type="primary" size="large" icon={<FormOutlined />}>
                {t('portal.matter.apply')}
              </Button>
            </Link>
          </Space>
        </Card>
        <Card title={t('portal.matter.basics')}>
          <Descriptions column={1} bordered size="middle">
            <Descriptions.Item label={t('portal.matter.code')}>
              <span className="zz-mono">{matter.code}</span> · v{matter.version}
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.matter.legalLimit')}>
              <span data-testid="portal-matter-legal">{limitText(t, matter.legalLimit)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.matter.promisedLimit')}>
              <span data-testid="portal-matter-promised">{limitText(t, matter.promisedLimit)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.matter.kind')}>
              {t(matter.kind === 'immediate' ? 'portal.kind.immediate' : 'portal.kind.promised')}
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.matter.visits')}>
              {t(matter.visits === 0 ? 'portal.visits.zero' : 'portal.visits.one')}
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.matter.channels')}>
              <Space wrap size={4}>
                {matter.channels.map((channel) => (
                  <Tag key={channel}>{enumLabel('portal.channel', channel)}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.matter.applicants')}>
              {matter.applicantTypes.map((type) => enumLabel('portal.applicantType', type)).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.matter.fees')}>
              {matter.fees.length === 0 ? (
                t('portal.matter.free')
              ) : (
                <Space orientation="vertical" size={2}>
                  {matter.fees.map((fee) => (
                    <span key={fee.name.zh}>
                      {name(fee.name.zh, fee.name.en)}：
                      {t('portal.matter.yuan', { yuan: fee.amountYuan.toFixed(2) })}
                      {fee.basis ? `（${fee.basis}）` : ''}
                    </span>
                  ))}
                  <Typography.Text type="secondary">{t('portal.matter.feesRecorded')}</Typography.Text>
                </Space>
              )}
            </Descriptions.Item>
            {matter.commitment && (
              <Descriptions.Item label={t('portal.badge.commitment')}>
                {t('portal.matter.commitmentText', { days: matter.commitmentCheckDays })}
              </Descriptions.Item>
            )}
            {matter.issues && (
              <Descriptions.Item label={t('portal.matter.issues')}>
                {name(matter.issues.name.zh, matter.issues.name.en)}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card
          title={t('portal.matter.materials', { n: matter.materials.length })}
          extra={
            fromCertificate > 0 && (
              <Tag color="blue">{t('portal.matter.certificateCount', { n: fromCertificate })}</Tag>
            )
          }
        >
          <List
            dataSource={matter.materials}
            renderItem={(material) => (
              <List.Item data-testid={`portal-matter-material-${material.code}`}>
                <Space wrap>
                  <Typography.Text>{name(material.name.zh, material.name.en)}</Typography.Text>
                  <Tag color={material.required ? 'red' : 'default'}>
                    {material.required ? t('portal.material.required') : t('portal.material.optional')}
                  </Tag>
                  {material.source.kind === 'certificate' ? (
                    <Tag color="blue">{t('portal.material.fromCertificate')}</Tag>
                  ) : (
                    <Tag>{t('portal.material.uploadTag')}</Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </PortalShell>
  );
}
