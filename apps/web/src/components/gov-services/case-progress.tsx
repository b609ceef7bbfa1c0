import { QrcodeOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../format';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useProblemNotifier } from '../use-action';
import { MaterialSet } from './material-set';
import { supplementCase } from './portal-api';
import { FINAL_STATES, stateColor } from './portal-format';
import type { ApplicationView, CaseSummary } from './types';

function MatterCase({
  item,
  view,
  onChange,
}: {
  item: CaseSummary;
  view: ApplicationView;
  onChange: (view: ApplicationView) => void;
}) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale } = usePreferences();
  const notify = useProblemNotifier();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const supplement = item.state === 'supplement';
  const materials = view.plan.materials.filter(
    (m) => m.source.kind === 'upload' && m.matters.includes(item.matterCode ?? ''),
  );

  const hand = async () => {
    setPending(true);
    try {
      onChange(await supplementCase(view.application.id, item.id, note.trim() || null));
      void message.success(t('portal.case.supplemented'));
    } catch (error) {
      notify(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Card size="small" data-testid={`portal-case-${item.matterCode}`} data-state={item.state}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{item.title}</Typography.Text>
        <Tag color={stateColor(item.state)} data-testid={`portal-case-state-${item.matterCode}`}>
          {enumLabel('portal.state', item.state)}
        </Tag>
        {item.late && <Tag color="error">{t('portal.case.late')}</Tag>}
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('portal.case.number')}>
          <span className="zz-mono">{item.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.case.due')}>
          {supplement ? (
            <Typography.Text type="warning" data-testid={`portal-case-paused-${item.matterCode}`}>
              {t('portal.case.paused')}
            </Typography.Text>
          ) : item.closedAt ? (
            t('portal.case.closedAt', { time: formatDateTime(item.closedAt, locale) })
          ) : item.dueAt ? (
            formatDateTime(item.dueAt, locale)
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {item.certificate && (
          <Descriptions.Item label={t('portal.case.certificate')}>
            <Space wrap>
              <span className="zz-mono" data-testid={`portal-certificate-number-${item.matterCode}`}>
                {item.certificate.nameZh} {item.certificate.number}
              </span>
              {/* The printed code's own path: the server resolves it and redirects to the public page. */}
              <a
                href={`/c/${encodeURIComponent(item.certificate.token)}`}
                data-testid={`portal-certificate-link-${item.matterCode}`}
              >
                <QrcodeOutlined /> {t('portal.case.verify')}
              </a>
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      {supplement && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            title={t('portal.case.missingTitle')}
            description={item.missingMaterials ?? undefined}
            data-testid={`portal-case-missing-${item.matterCode}`}
          />
          <MaterialSet
            application={view.application}
            materials={materials}
            mode="supplement"
            onChange={(application) => onChange({ ...view, application })}
          />
          <label htmlFor={`portal-supplement-note-${item.matterCode}`}>{t('portal.case.noteHint')}</label>
          <Input.TextArea
            id={`portal-supplement-note-${item.matterCode}`}
            rows={2}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={pending}
            onClick={hand}
            data-testid={`portal-supplement-${item.matterCode}`}
          >
            {t('portal.case.supplement')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

/** Overall and per-matter progress of a submitted application, with 补正 where asked. */
export function CaseProgress({
  view,
  onChange,
}: {
  view: ApplicationView;
  onChange: (view: ApplicationView) => void;
}) {
  const t = useT();
  const { locale } = usePreferences();
  const [overall, ...matters] = view.cases;
  const done = matters.filter((c) => FINAL_STATES.has(c.state)).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {overall && (
        <Card size="small" data-testid="portal-overall">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {t('portal.case.overall', { done, total: matters.length })}
              {overall.dueAt && !overall.closedAt
                ? ` · ${t('portal.case.overallDue', { time: formatDateTime(overall.dueAt, locale) })}`
                : ''}
            </Typography.Text>
            <Progress percent={matters.length ? Math.round((done / matters.length) * 100) : 0} />
          </Space>
        </Card>
      )}
      <List
        dataSource={matters}
        renderItem={(item) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <MatterCase item={item} view={view} onChange={onChange} />
            </div>
          </List.Item>
        )}
      />
    </Space>
  );
}
