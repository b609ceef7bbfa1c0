import { QrcodeOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Card, Form, Input, List, Modal, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { portalApi } from '../components/gov-services/portal-api';
import { PortalShell } from '../components/gov-services/portal-shell';
import { formatDateTime } from '../components/format';
import { CreditClassTag, ProblemAlert, useRegProblem } from '../components/regulation-public/labels';
import { PhotoCapture } from '../components/regulation-public/photo-capture';
import { applyForRepair, loadOwnCredit } from '../components/regulation-public/regulation-api';
import type { CreditRecord, CurrentRating, OwnCredit } from '../components/regulation-public/types';
import { useLoad } from '../components/use-load';
import type { MessageKey } from '../i18n/translate';
import { hasMessage } from '../i18n/translate';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

function RatingCard({ rating }: { rating: CurrentRating }) {
  const t = useT();
  const name = useLocalName();
  const { locale } = usePreferences();
  const set = `regPublic.credit.ruleSet.${rating.ruleSetCode}`;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="reg-rating"
      data-rule-set={rating.ruleSetCode}
    >
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>
          {hasMessage(set) ? t(set as MessageKey) : rating.ruleSetCode}
        </Typography.Text>
        <CreditClassTag value={rating.creditClass} large />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
        {t('regPublic.credit.score', { score: rating.score, date: formatDateTime(rating.ratedAt, locale) })}
      </Typography.Paragraph>
      {rating.explanation.length > 0 ? (
        <List
          size="small"
          header={t('regPublic.credit.why')}
          dataSource={rating.explanation}
          renderItem={(e) => (
            <List.Item>
              <Space wrap size={4}>
                <Tag color={e.points < 0 ? 'red' : 'green'}>{e.points > 0 ? `+${e.points}` : e.points}</Tag>
                {e.cap && <Tag color="orange">{t('regPublic.credit.cap', { cap: e.cap })}</Tag>}
                {name(e.description.zh, e.description.en)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text>{t('regPublic.credit.noRules')}</Typography.Text>
      )}
    </Card>
  );
}

function RepairModal({
  record,
  onClose,
}: {
  record: CreditRecord | null;
  onClose: (opened?: string) => void;
}) {
  const t = useT();
  const describe = useRegProblem();
  const [form] = Form.useForm<{ reason?: string; evidence?: string[] }>();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ReturnType<typeof describe> | null>(null);
  const submit = async (values: { reason?: string; evidence?: string[] }) => {
    if (!record) return;
    setPending(true);
    setFailure(null);
    try {
      const opened = await applyForRepair({
        recordId: record.id,
        reason: values.reason?.trim() ?? '',
        ...(values.evidence?.length ? { evidence: values.evidence } : {}),
      });
      form.resetFields();
      onClose(opened.number);
    } catch (error) {
      setFailure(describe(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open={!!record}
      title={t('regPublic.repair.title')}
      onCancel={() => onClose()}
      okText={t('regPublic.repair.submit')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="reg-repair-modal"
    >
      <Typography.Paragraph strong>{record?.summary}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('regPublic.repair.reasonHint')}</Typography.Paragraph>
      <ProblemAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ evidence: [] }}>
        <Form.Item
          name="reason"
          label={t('regPublic.repair.reason')}
          rules={[{ required: true, whitespace: true, message: t('regPublic.repair.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="reg-repair-reason" />
        </Form.Item>
        <Form.Item name="evidence" label={t('regPublic.repair.evidence')}>
          <PhotoCapture
            client={portalApi}
            max={10}
            accept="image/*,application/pdf"
            testId="reg-repair-evidence"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Records({ credit, onRepair }: { credit: OwnCredit; onRepair: (r: CreditRecord) => void }) {
  const t = useT();
  const { locale } = usePreferences();
  return (
    <List<CreditRecord>
      dataSource={credit.records}
      data-testid="reg-records"
      locale={{ emptyText: t('regPublic.credit.noRecords') }}
      renderItem={(record) => {
        const adverse = record.severity > 0 && !record.repairedAt;
        const source = `regPublic.credit.source.${record.source}`;
        return (
          <List.Item
            data-adverse={adverse}
            actions={
              adverse
                ? [
                    <Button key="repair" onClick={() => onRepair(record)} data-testid="reg-repair-open">
                      {t('regPublic.repair.apply')}
                    </Button>,
                  ]
                : []
            }
          >
            <div>
              <Space wrap size={4}>
                <Tag>{hasMessage(source) ? t(source as MessageKey) : record.source}</Tag>
                {record.severity > 0 ? (
                  <Tag color={record.repairedAt ? 'default' : 'red'}>
                    {t(record.repairedAt ? 'regPublic.credit.repaired' : 'regPublic.credit.adverse')}
                  </Tag>
                ) : (
                  <Tag color="green">{t('regPublic.credit.positive')}</Tag>
                )}
              </Space>
              <div>{record.summary}</div>
              <Typography.Text type="secondary">
                {formatDateTime(record.date, locale).slice(0, 10)}
                {record.validUntil &&
                  ` · ${t('regPublic.credit.validUntil', { date: formatDateTime(record.validUntil, locale).slice(0, 10) })}`}
              </Typography.Text>
            </div>
          </List.Item>
        );
      }}
    />
  );
}

/** 我的信用 (enterprise signed in): classes with why, records, the shop code, and 信用修复. */
export function PortalCreditPage() {
  const t = useT();
  const loaded = useLoad(
    () =>
      loadOwnCredit().catch((error: unknown) => {
        if (problemOf(error).code === 'regulation.shop.not_registered') return null;
        throw error;
      }),
    [],
  );
  const [repairing, setRepairing] = useState<CreditRecord | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const credit = loaded.data;
  return (
    <PortalShell title={t('regPublic.credit.title')}>
      {loaded.loading && credit === undefined && (
        <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />
      )}
      {credit === null && (
        <Result status="info" title={t('regPublic.credit.notRegistered')} data-testid="reg-credit-none" />
      )}
      {credit && (
        <>
          <Card style={{ marginBottom: 12 }}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {credit.subject.name}
            </Typography.Title>
            <Typography.Text className="zz-mono">{credit.subject.uscc}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Link to={`/shop/${encodeURIComponent(credit.codeToken)}`} data-testid="reg-credit-code">
                <Button icon={<QrcodeOutlined />}>{t('regPublic.credit.code')}</Button>
              </Link>
              <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
                {t('regPublic.credit.codeHint')}{' '}
                <Typography.Text copyable className="zz-mono" style={{ wordBreak: 'break-all' }}>
                  {credit.codeUrl}
                </Typography.Text>
              </Typography.Paragraph>
            </div>
          </Card>
          {opened && (
            <Alert
              type="success"
              showIcon
              closable
              style={{ marginBottom: 12 }}
              data-testid="reg-repair-opened"
              message={t('regPublic.repair.opened', { number: opened })}
            />
          )}
          <Typography.Title level={4}>{t('regPublic.credit.classes')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('regPublic.credit.classesIntro')}</Typography.Paragraph>
          {credit.ratings.length === 0 && (
            <Typography.Paragraph>{t('regPublic.credit.unrated')}</Typography.Paragraph>
          )}
          {credit.ratings.map((rating) => (
            <RatingCard key={rating.ruleSetCode} rating={rating} />
          ))}
          <Typography.Title level={4}>{t('regPublic.credit.records')}</Typography.Title>
          <Card>
            <Records credit={credit} onRepair={setRepairing} />
          </Card>
          <RepairModal
            record={repairing}
            onClose={(number) => {
              setRepairing(null);
              if (number) {
                setOpened(number);
                loaded.reload();
              }
            }}
          />
        </>
      )}
    </PortalShell>
  );
}
