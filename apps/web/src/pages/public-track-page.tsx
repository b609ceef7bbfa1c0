import { SearchOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PublicShell } from '../components/public/public-shell';
import { type EventTracking, rate, track } from '../components/public/report-api';
import { RatingForm } from '../components/public/rating-form';
import { TrackingView } from '../components/public/tracking-view';
import { problemText } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

interface TrackForm {
  number: string;
  password: string;
}

const tidy = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/** 进度查询: number + tracking password → the event's progress, and the rating once it is closed. */
export function PublicTrackPage() {
  const t = useT();
  const { locale } = usePreferences();
  const [params] = useSearchParams();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [result, setResult] = useState<{ tracking: EventTracking; credentials: TrackForm }>();

  const submit = async (values: TrackForm) => {
    const credentials = { number: tidy(values.number), password: tidy(values.password) };
    setPending(true);
    setFailure(undefined);
    try {
      setResult({ tracking: await track(credentials.number, credentials.password), credentials });
    } catch (error) {
      setResult(undefined);
      setFailure(problemText(locale, problemOf(error)) ?? t('error.unknown'));
    } finally {
      setPending(false);
    }
  };

  const tracking = result?.tracking;
  const canRate = tracking?.state === 'closed' && tracking.rateUntil !== null;

  return (
    <PublicShell title={t('public.track.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Typography.Paragraph>{t('public.track.intro')}</Typography.Paragraph>
          <Form<TrackForm>
            name="track"
            layout="vertical"
            onFinish={submit}
            requiredMark={false}
            initialValues={{ number: params.get('number') ?? '' }}
          >
            <Form.Item
              label={t('public.track.number')}
              name="number"
              normalize={tidy}
              rules={[{ required: true, message: t('public.track.numberRequired') }]}
            >
              <Input
                className="zz-mono"
                placeholder={t('public.track.numberPlaceholder')}
                maxLength={32}
                autoComplete="off"
                data-testid="track-number"
              />
            </Form.Item>
            <Form.Item
              label={t('public.track.password')}
              name="password"
              normalize={tidy}
              rules={[{ required: true, message: t('public.track.passwordRequired') }]}
            >
              <Input.Password maxLength={32} autoComplete="off" data-testid="track-password" />
            </Form.Item>
            {failure && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={failure}
                style={{ marginBottom: 16 }}
                data-testid="track-error"
              />
            )}
            <Button
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined />}
              loading={pending}
              block
              data-testid="track-submit"
            >
              {t('public.track.submit')}
            </Button>
          </Form>
        </Card>
        {result && tracking && (
          <TrackingView tracking={tracking}>
            {canRate && tracking.rateUntil && (
              <RatingForm
                until={tracking.rateUntil}
                rate={(rating, comment) =>
                  rate(result.credentials.number, result.credentials.password, rating, comment)
                }
                onRated={(next) => setResult({ ...result, tracking: next })}
              />
            )}
            {tracking.rating && (
              <Alert type="success" showIcon title={t('public.rate.thanks')} data-testid="rating-thanks" />
            )}
          </TrackingView>
        )}
      </Space>
    </PublicShell>
  );
}
