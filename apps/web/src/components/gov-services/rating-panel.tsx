import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useLocalName, useT } from '../../i18n/use-t';
import { useAction } from '../use-action';
import { rateApplication } from './portal-api';
import type { Rating } from './types';

/** The five online indicators and five levels of 好差评 (as the server's RATING_INDICATORS/LEVELS). */
export const INDICATORS = [
  { code: 'overall', zh: '整体满意度', en: 'Overall satisfaction' },
  { code: 'efficiency', zh: '办事效率', en: 'Efficiency' },
  { code: 'guide', zh: '办事指南精确度', en: 'Accuracy of the guide' },
  { code: 'convenience', zh: '办事便捷度', en: 'Convenience' },
  { code: 'platform', zh: '平台操作性', en: 'Ease of use of the platform' },
] as const;

export const LEVELS = [
  { value: 5, zh: '非常满意', en: 'Very satisfied' },
  { value: 4, zh: '满意', en: 'Satisfied' },
  { value: 3, zh: '基本满意', en: 'Fairly satisfied' },
  { value: 2, zh: '不满意', en: 'Dissatisfied' },
  { value: 1, zh: '非常不满意', en: 'Very dissatisfied' },
] as const;

const BAD = 2;
const CONCLUDED = new Set(['approved', 'partly_approved', 'refused']);

interface RatingForm {
  scores: Record<string, number>;
  comment?: string;
}

/** 好差评 once the application is concluded; a bad first rating opens a rectification and allows one more. */
export function RatingPanel({
  applicationId,
  status,
  ratings,
  onRated,
}: {
  applicationId: string;
  status: string;
  ratings: Rating[];
  onRated: () => void;
}) {
  const t = useT();
  const name = useLocalName();
  const [form] = Form.useForm<RatingForm>();
  const { pending, run } = useAction();
  if (!CONCLUDED.has(status)) return null;
  const last = ratings.at(-1);
  const mayRate = ratings.length === 0 || (ratings.length === 1 && ratings[0].overall <= BAD);
  const levelName = (value: number) => {
    const level = LEVELS.find((l) => l.value === value);
    return level ? name(level.zh, level.en) : String(value);
  };
  const submit = (values: RatingForm) =>
    run(() => rateApplication(applicationId, values.scores, values.comment?.trim() || null), {
      success: t('portal.rating.thanks'),
    }).then((ok) => {
      if (ok) {
        form.resetFields();
        onRated();
      }
    });

  return (
    <Card title={t('portal.rating.title')} data-testid="portal-rating">
      {last && (
        <Alert
          type={last.overall <= BAD ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="portal-rating-result"
          title={t('portal.rating.given', { level: levelName(last.overall), round: last.round })}
          description={
            last.rectificationCaseId ? (
              <span data-testid="portal-rating-rectification">{t('portal.rating.rectification')}</span>
            ) : undefined
          }
        />
      )}
      {mayRate ? (
        <Form<RatingForm> form={form} layout="vertical" name="portal-rating" onFinish={submit}>
          {last && <Typography.Paragraph>{t('portal.rating.again')}</Typography.Paragraph>}
          {INDICATORS.map((indicator) => (
            <Form.Item
              key={indicator.code}
              name={['scores', indicator.code]}
              label={name(indicator.zh, indicator.en)}
              rules={[{ required: true, message: t('portal.rating.required') }]}
            >
              <Select
                data-testid={`portal-rating-${indicator.code}`}
                style={{ maxWidth: 320 }}
                options={LEVELS.map((level) => ({ value: level.value, label: name(level.zh, level.en) }))}
              />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('portal.rating.comment')}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="portal-rating-comment" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={pending} data-testid="portal-rating-submit">
              {t('portal.rating.submit')}
            </Button>
          </Space>
        </Form>
      ) : (
        <Typography.Paragraph>{t('portal.rating.done')}</Typography.Paragraph>
      )}
    </Card>
  );
}
