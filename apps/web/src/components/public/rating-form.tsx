import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { problemText } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { type EventTracking, RATINGS, type Rating } from './report-api';

export interface RatingFormProps {
  /** Rating allowed until (ISO). */
  until: string;
  rate: (rating: Rating, comment: string | undefined) => Promise<EventTracking>;
  onRated: (tracking: EventTracking) => void;
}

/** 好差评: five levels from 非常满意 to 非常不满意, and an optional comment; once only. */
export function RatingForm({ until, rate, onRated }: RatingFormProps) {
  const t = useT();
  const { locale } = usePreferences();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (values: { rating: Rating; comment?: string }) => {
    setPending(true);
    setFailure(undefined);
    try {
      onRated(await rate(values.rating, values.comment?.trim() || undefined));
    } catch (error) {
      setFailure(problemText(locale, problemOf(error)) ?? t('error.unknown'));
    } finally {
      setPending(false);
    }
  };

  return (
    <section data-testid="rating-form" aria-label={t('public.rate.title')}>
      <Typography.Title level={5}>{t('public.rate.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('public.rate.until', { time: formatDateTime(until, locale) })}
      </Typography.Paragraph>
      <Form name="rating" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('public.rate.level')}
          name="rating"
          rules={[{ required: true, message: t('public.rate.levelRequired') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            options={RATINGS.map((rating) => ({
              value: rating,
              label: t(`public.rating.${rating}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('public.rate.comment')} name="comment">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={pending} data-testid="rating-submit">
          {t('public.rate.submit')}
        </Button>
      </Form>
    </section>
  );
}
