import { SearchOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { trackApplication } from '../components/gov-services/portal-api';
import { stateColor } from '../components/gov-services/portal-format';
import { PortalShell } from '../components/gov-services/portal-shell';
import type { Tracking } from '../components/gov-services/types';
import { formatDateTime } from '../components/format';
import { problemText } from '../i18n/translate';
import { useEnumLabel, useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

interface TrackForm {
  number: string;
  password: string;
}

const tidy = (value: string | undefined) => value?.replace(/\s+/g, '').toUpperCase();

/** 办件查询 (no login): number + 6-digit query password → status and each matter's progress. */
export function PortalTrackPage() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const name = useLocalName();
  const { locale } = usePreferences();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [tracking, setTracking] = useState<Tracking>();

  const submit = async (values: TrackForm) => {
    setPending(true);
    setFailure(undefined);
    try {
      setTracking(await trackApplication(values.number, values.password));
    } catch (error) {
      setTracking(undefined);
      setFailure(problemText(locale, problemOf(error)) ?? t('error.unknown'));
    } finally {
      setPending(false);
    }
  };

  return (
    <PortalShell title={t('portal.track.title')}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card style={{ maxWidth: 560 }}>
          <Typography.Paragraph>{t('portal.track.intro')}</Typography.Paragraph>
          <Form<TrackForm> name="portal-track" layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              label={t('portal.track.number')}
              name="number"
              normalize={tidy}
              rules={[{ required: true, message: t('portal.track.numberRequired') }]}
            >
              <Input
                className="zz-mono"
                maxLength={32}
                autoComplete="off"
                data-testid="portal-track-number"
              />
            </Form.Item>
            <Form.Item
              label={t('portal.track.password')}
              name="password"
              normalize={(value: string | undefined) => value?.replace(/\D/g, '')}
              rules={[{ required: true, len: 6, message: t('portal.track.passwordRequired') }]}
            >
              <Input.Password
                maxLength={6}
                inputMode="numeric"
                autoComplete="off"
                data-testid="portal-track-password"
              />
            </Form.Item>
            {failure && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={failure}
                style={{ marginBottom: 16 }}
                data-testid="portal-track-error"
              />
            )}
            <Button
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined />}
              loading={pending}
              block
              data-testid="portal-track-submit"
            >
              {t('portal.track.submit')}
            </Button>
          </Form>
        </Card>
        {tracking && (
          <Card data-testid="portal-track-result">
            <Descriptions column={1} size="middle">
              <Descriptions.Item label={t('portal.applications.number')}>
                <span className="zz-mono">{tracking.number}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('portal.applications.status')}>
                <Tag color={stateColor(tracking.status)} data-testid="portal-track-status">
                  {enumLabel('portal.status', tracking.status)}
                </Tag>
              </Descriptions.Item>
              {tracking.submittedAt && (
                <Descriptions.Item label={t('portal.applications.submitted')}>
                  {formatDateTime(tracking.submittedAt, locale)}
                </Descriptions.Item>
              )}
            </Descriptions>
            <List
              dataSource={tracking.matters}
              renderItem={(matter) => (
                <List.Item>
                  <Space orientation="vertical" size={2}>
                    <Space wrap>
                      <Typography.Text strong>{matter.name}</Typography.Text>
                      <Tag color={stateColor(matter.state)}>{enumLabel('portal.state', matter.state)}</Tag>
                    </Space>
                    <Typography.Text type="secondary">
                      {name(matter.department.zh ?? '', matter.department.en)}
                      {matter.state === 'supplement'
                        ? ` · ${t('portal.case.paused')}`
                        : matter.closedAt
                          ? ` · ${t('portal.case.closedAt', { time: formatDateTime(matter.closedAt, locale) })}`
                          : matter.dueAt
                            ? ` · ${t('portal.track.due', { time: formatDateTime(matter.dueAt, locale) })}`
                            : ''}
                    </Typography.Text>
                    {matter.certificate && (
                      <Link to={`/certificate/${encodeURIComponent(matter.certificate.token)}`}>
                        {t('portal.track.certificate', { number: matter.certificate.number })}
                      </Link>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
      </Space>
    </PortalShell>
  );
}
