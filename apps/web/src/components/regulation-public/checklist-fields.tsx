import { Card, Form, Radio, Typography } from 'antd';
import type { MessageKey } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import type { InspectionItem, PointAnswer } from './types';

const ANSWERS: PointAnswer[] = ['ok', 'problem', 'na'];

/** The items' checklists as form fields `checklist.{item}.{point}`: 符合 / 不符合 / 不涉及. */
export function ChecklistFields({ items }: { items: InspectionItem[] }) {
  const t = useT();
  const name = useLocalName();
  return (
    <>
      {items.map((item) => (
        <Card
          key={item.code}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="reg-checklist-item"
          data-item={item.code}
        >
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {name(item.nameZh, item.nameEn)}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('regPublic.record.basis', { basis: item.legalBasis, method: item.method })}
          </Typography.Paragraph>
          {item.checklist.map((point, index) => (
            <Form.Item
              key={point.code}
              name={['checklist', item.code, point.code]}
              label={`${index + 1}. ${name(point.zh, point.en)}`}
              rules={[{ required: true, message: t('regPublic.record.answerPoint') }]}
              style={{ marginBottom: 12 }}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                data-testid="reg-point"
                data-point={`${item.code}.${point.code}`}
                options={ANSWERS.map((answer) => ({
                  value: answer,
                  label: t(`regPublic.answer.${answer}` as MessageKey),
                }))}
              />
            </Form.Item>
          ))}
        </Card>
      ))}
    </>
  );
}
