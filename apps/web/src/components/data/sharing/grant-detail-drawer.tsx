import { unwrap } from '@zhizhi/api-client';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../../api/api';
import { useT } from '../../../i18n/use-t';
import { usePreferences } from '../../../session/preferences';
import { useSession } from '../../../session/session';
import { formatDateTime } from '../../format';
import { FormModal } from '../../form-modal';
import { useAction } from '../../use-action';
import { useLoad } from '../../use-load';
import { GrantStatusTag, MaskModeTag } from './share-tags';
import { type ShareGrant, shareApiPath } from './types';

export interface GrantDetailDrawerProps {
  grantId: string;
  departmentName: (id: string) => string;
  onClose: () => void;
  onChanged: () => void;
}

/** 共享授权: the policy fields, and key management (show once, rotate), renewal and revocation. */
export function GrantDetailDrawer({ grantId, departmentName, onClose, onChanged }: GrantDetailDrawerProps) {
  const t = useT();
  const { locale, elderMode } = usePreferences();
  const { me, can } = useSession();
  const { modal } = App.useApp();
  const { pending, run } = useAction();
  const [shownKey, setShownKey] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'revoke' | 'renew' | null>(null);
  const loaded = useLoad(
    () => unwrap(api.GET('/api/data/share/grants/{id}', { params: { path: { id: grantId } } })),
    [grantId],
  );
  const grant = loaded.data?.id === grantId ? loaded.data : undefined;
  const mine = (departmentId: string) => !me?.department?.id || me.department?.id === departmentId;
  const isConsumer = grant ? mine(grant.consumerDepartmentId) && can('data.share.request') : false;
  const isProvider = grant ? mine(grant.providerDepartmentId) && can('data.share.approve') : false;
  const changed = () => {
    loaded.reload();
    onChanged();
  };

  const issue = (rotate: boolean) => {
    const go = async () => {
      let key = '';
      const done = await run(async () => {
        key = (
          await unwrap(api.POST('/api/data/share/grants/{id}/key', { params: { path: { id: grantId } } }))
        ).key;
      });
      if (done) {
        setShownKey(key);
        changed();
      }
    };
    if (rotate) modal.confirm({ title: t('share.key.rotateConfirm'), onOk: go });
    else void go();
  };

  return (
    <Drawer
      open
      size={elderMode ? 'min(1100px, 100vw)' : 'min(860px, 100vw)'}
      title={grant ? t('share.grant.title', { resource: grant.resourceName ?? grant.resourceCode }) : ''}
      onClose={onClose}
      destroyOnHidden
    >
      {!grant ? (
        <Skeleton active />
      ) : (
        <Space
          orientation="vertical"
          size="middle"
          style={{ width: '100%' }}
          data-testid="share-grant-detail"
        >
          <Descriptions bordered size="small" column={elderMode ? 1 : 2}>
            <Descriptions.Item label={t('share.col.resource')} span="filled">
              <span className="zz-mono">{grant.resourceCode}</span> {grant.resourceName}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.col.consumer')}>
              {departmentName(grant.consumerDepartmentId)}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.col.provider')}>
              {departmentName(grant.providerDepartmentId)}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.grant.status')}>
              <GrantStatusTag value={grant.effectiveStatus} />
            </Descriptions.Item>
            <Descriptions.Item label={t('share.grant.expiresAt')}>
              {formatDateTime(grant.expiresAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.grant.matterCode')}>
              <span className="zz-mono">{grant.matterCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('share.grant.quota')}>
              {t('share.grant.quotaValue', { quota: grant.quotaPerDay, rate: grant.ratePerMinute })}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.grant.purpose')} span="filled">
              {grant.purpose}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.grant.rowFilter')} span="filled">
              {Object.keys(grant.rowFilter).length
                ? Object.entries(grant.rowFilter)
                    .map(([item, value]) => `${item} = ${String(value)}`)
                    .join('；')
                : t('share.grant.noFilter')}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.grant.key')} span="filled">
              <span data-testid="share-key-hint">
                {grant.hasKey
                  ? t('share.grant.keyHint', {
                      hint: grant.keyHint ?? '',
                      at: formatDateTime(grant.keyIssuedAt, locale),
                    })
                  : t('share.grant.noKey')}
              </span>
            </Descriptions.Item>
            {grant.revokeReason && (
              <Descriptions.Item label={t('share.grant.revokeReason')} span="filled">
                {grant.revokeReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('share.grant.items')}
          </Typography.Title>
          <Table<ShareGrant['items'][number]>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={grant.items}
            data-testid="share-grant-items"
            columns={[
              {
                title: t('data.items.code'),
                dataIndex: 'code',
                render: (v: string) => <span className="zz-mono">{v}</span>,
              },
              { title: t('data.items.name'), dataIndex: 'name' },
              {
                title: t('share.approve.mode'),
                dataIndex: 'mode',
                render: (v: ShareGrant['items'][number]['mode']) => <MaskModeTag value={v} />,
              },
            ]}
          />
          <Space wrap>
            {isConsumer && grant.effectiveStatus === 'active' && (
              <Button
                type="primary"
                loading={pending}
                onClick={() => issue(grant.hasKey)}
                data-testid="share-key-issue"
              >
                {grant.hasKey ? t('share.key.rotate') : t('share.key.issue')}
              </Button>
            )}
            {isConsumer && grant.status === 'active' && (
              <Button onClick={() => setDialog('renew')}>{t('share.renew.button')}</Button>
            )}
            {isProvider && grant.status === 'active' && (
              <Button danger onClick={() => setDialog('revoke')} data-testid="share-revoke">
                {t('share.revoke.button')}
              </Button>
            )}
          </Space>
        </Space>
      )}
      {shownKey && grant && (
        <Modal
          open
          title={t('share.key.title')}
          onOk={() => setShownKey(null)}
          onCancel={() => setShownKey(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
        >
          <Alert type="warning" showIcon title={t('share.key.shownOnce')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph copyable className="zz-mono" data-testid="share-key-value">
            {shownKey}
          </Typography.Paragraph>
          <Typography.Text strong>{t('share.key.usage')}</Typography.Text>
          <pre className="zz-mono" style={{ whiteSpace: 'pre-wrap', fontSize: elderMode ? 16 : 12 }}>
            {`curl -H "Authorization: Bearer ${shownKey}" \\\n  -H "X-Matter-Code: ${encodeURIComponent(grant.matterCode)}" \\\n  -H "X-Accessor: <工号>" \\\n  "${window.location.origin}${shareApiPath(grant.resourceCode)}?limit=100"`}
          </pre>
        </Modal>
      )}
      {dialog === 'revoke' && (
        <FormModal<{ reason: string }, unknown>
          title={t('share.revoke.button')}
          name="share-revoke"
          okText={t('share.revoke.button')}
          success={t('share.revoke.done')}
          save={(v) =>
            unwrap(
              api.POST('/api/data/share/grants/{id}/revoke', { params: { path: { id: grantId } }, body: v }),
            )
          }
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            changed();
          }}
        >
          <Form.Item
            name="reason"
            label={t('share.revoke.reason')}
            rules={[{ required: true, min: 2, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'renew' && (
        <FormModal<{ durationDays: number; purpose?: string }, { number: string }>
          title={t('share.renew.button')}
          name="share-renew"
          initialValues={{ durationDays: 90 }}
          save={(v) =>
            unwrap(
              api.POST('/api/data/share/grants/{id}/renewals', {
                params: { path: { id: grantId } },
                body: v,
              }),
            )
          }
          onClose={() => setDialog(null)}
          onSaved={(created) => {
            setDialog(null);
            modal.success({ title: t('share.renew.done', { number: created.number }) });
            changed();
          }}
        >
          <Form.Item
            name="durationDays"
            label={t('share.renew.days')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={1095} precision={0} />
          </Form.Item>
          <Form.Item name="purpose" label={t('share.renew.purpose')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </Drawer>
  );
}
