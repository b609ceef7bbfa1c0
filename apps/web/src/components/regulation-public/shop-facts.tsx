import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Card, Descriptions, Form, Input, List, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { CreditClassTag, ResultTag, useRegProblem } from './labels';
import { type Client, reviewShop } from './regulation-api';
import type { ShopPage } from './types';

/** 码上查看: licences (valid or expired), credit class, the latest published inspection. */
export function ShopFacts({ page }: { page: ShopPage }) {
  const t = useT();
  const { locale, elderMode } = usePreferences();
  const { subject, latestInspection: latest } = page;
  return (
    <Card
      id="reg-view"
      title={t('regPublic.shop.view')}
      data-testid="reg-shop-view"
      style={{ marginBottom: 12 }}
    >
      <Descriptions
        column={1}
        size="small"
        layout={elderMode ? 'vertical' : 'horizontal'}
        style={{ marginBottom: 12 }}
      >
        <Descriptions.Item label={t('regPublic.subject.uscc')}>
          <span className="zz-mono">{subject.uscc}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('regPublic.subject.address')}>{subject.address}</Descriptions.Item>
        <Descriptions.Item label={t('regPublic.shop.credit')}>
          <CreditClassTag value={page.creditClass} large />
        </Descriptions.Item>
        <Descriptions.Item label={t('regPublic.shop.latest')}>
          {latest ? (
            <Space wrap size={4}>
              <ResultTag result={latest.result} rectified={latest.rectified} />
              <Typography.Text type="secondary">
                {t('regPublic.shop.inspectedAt', {
                  date: formatDateTime(latest.inspectedAt, locale).slice(0, 10),
                })}
              </Typography.Text>
            </Space>
          ) : (
            t('regPublic.shop.noInspection')
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('regPublic.shop.licences')}</Typography.Text>
      <List
        size="small"
        dataSource={subject.licences}
        locale={{ emptyText: t('regPublic.shop.noLicences') }}
        data-testid="reg-shop-licences"
        renderItem={(licence) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{licence.type}</Typography.Text>
                <Tag color={licence.valid ? 'success' : 'error'} data-valid={licence.valid}>
                  {t(licence.valid ? 'regPublic.shop.licenceValid' : 'regPublic.shop.licenceExpired')}
                </Tag>
              </Space>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                <span className="zz-mono">{licence.number}</span> ·{' '}
                {t('regPublic.shop.validity', {
                  from: licence.validFrom,
                  to: licence.validTo ?? t('regPublic.shop.noEnd'),
                })}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('regPublic.shop.creditNote')}
      </Typography.Paragraph>
    </Card>
  );
}

/** 码上评价: 1–5 stars and a comment; once a day per phone. */
export function ShopReview({
  page,
  token,
  client,
  onDone,
}: {
  page: ShopPage;
  token: string;
  client: Client;
  onDone: () => void;
}) {
  const t = useT();
  const { locale } = usePreferences();
  const describe = useRegProblem();
  const [form] = Form.useForm<{ stars?: number; comment?: string }>();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<'thanks' | 'today' | { error: string } | null>(null);
  const submit = async (values: { stars?: number; comment?: string }) => {
    setPending(true);
    setOutcome(null);
    try {
      await reviewShop(client, token, values.stars ?? 0, values.comment?.trim() || undefined);
      setOutcome('thanks');
      form.resetFields();
      onDone();
    } catch (error) {
      setOutcome(problemOf(error).status === 429 ? 'today' : { error: describe(error).text });
    } finally {
      setPending(false);
    }
  };
  const { reviews } = page;
  return (
    <Card
      id="reg-review"
      title={t('regPublic.shop.review')}
      data-testid="reg-shop-review"
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph data-testid="reg-review-summary">
        {reviews.average === null
          ? t('regPublic.review.none')
          : t('regPublic.review.summary', { average: reviews.average, count: reviews.count })}
      </Typography.Paragraph>
      {outcome === 'thanks' && (
        <Alert type="success" showIcon message={t('regPublic.review.thanks')} style={{ marginBottom: 12 }} />
      )}
      {outcome === 'today' && (
        <Alert
          type="info"
          showIcon
          message={t('regPublic.review.today')}
          data-testid="reg-review-today"
          style={{ marginBottom: 12 }}
        />
      )}
      {outcome && typeof outcome === 'object' && (
        <Alert type="error" showIcon message={outcome.error} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="stars"
          label={t('regPublic.review.stars')}
          rules={[{ required: true, message: t('regPublic.review.starsRequired') }]}
        >
          <Rate
            style={{ fontSize: 32 }}
            aria-label={t('regPublic.review.stars')}
            data-testid="reg-review-stars"
          />
        </Form.Item>
        <Form.Item name="comment" label={t('regPublic.review.comment')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={pending}
          data-testid="reg-review-submit"
        >
          {t('regPublic.review.submit')}
        </Button>
      </Form>
      {reviews.latest.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          header={t('regPublic.review.latest')}
          dataSource={reviews.latest}
          renderItem={(r) => (
            <List.Item>
              <div>
                <Rate disabled value={r.stars} style={{ fontSize: 14 }} />{' '}
                <Typography.Text type="secondary">
                  {formatDateTime(r.createdAt, locale).slice(0, 10)}
                </Typography.Text>
                {r.comment && <div>{r.comment}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
