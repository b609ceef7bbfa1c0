import { BellOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/api';
import { FindingsCard } from '../components/data/collection/findings-card';
import { LoadUpload } from '../components/data/collection/load-upload';
import { LoadsTable } from '../components/data/collection/loads-table';
import { RulesEditorModal } from '../components/data/collection/rules-editor-modal';
import { useProblemNotifier } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

/**
 * 数据归集: pick a resource, upload a file (progress polled), read its versions with diff and pass
 * rate and the latest findings; managers edit the quality rules; anyone reading may subscribe.
 */
export function DataLoadsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const { elderMode } = usePreferences();
  const notify = useProblemNotifier();
  const [params, setParams] = useSearchParams();
  const resourceId = params.get('resource');
  const [editingRules, setEditingRules] = useState(false);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const canManage = can('data.catalog.manage');

  const resources = useLoad(
    () => unwrap(api.GET('/api/data/resources', { params: { query: { limit: 1000 } } })),
    [],
  );
  const resource = resources.data?.items.find((r) => r.id === resourceId);
  const none = () => Promise.resolve(undefined);
  const path = { params: { path: { id: resourceId ?? '' } } };
  const loads = useLoad(
    () => (resourceId ? unwrap(api.GET('/api/data/resources/{id}/loads', path)) : none()),
    [resourceId, generation],
  );
  const findings = useLoad(
    () => (resourceId ? unwrap(api.GET('/api/data/resources/{id}/findings', path)) : none()),
    [resourceId, generation],
  );
  const detail = useLoad(
    () => (resourceId ? unwrap(api.GET('/api/data/resources/{id}', path)) : none()),
    [resourceId],
  );
  const itemNames = Object.fromEntries((detail.data?.items ?? []).map((i) => [i.code, i.name]));
  const subscription = useLoad(
    () => (resourceId ? unwrap(api.GET('/api/data/resources/{id}/subscription', path)) : none()),
    [resourceId, generation],
  );

  async function toggleSubscription() {
    if (!resourceId) return;
    try {
      const next = subscription.data?.subscribed
        ? await unwrap(api.DELETE('/api/data/resources/{id}/subscription', path))
        : await unwrap(api.PUT('/api/data/resources/{id}/subscription', path));
      if (next.subscribed) void message.success(t('dataLoad.subscribed'));
      subscription.reload();
    } catch (error) {
      notify(error);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dataLoad.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('dataLoad.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          showSearch
          style={{ width: elderMode ? 560 : 420 }}
          placeholder={t('dataLoad.pickResource')}
          value={resourceId ?? undefined}
          loading={resources.loading}
          optionFilterProp="label"
          onChange={(id: string) => setParams({ resource: id })}
          options={(resources.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}` }))}
          data-testid="data-load-resource"
        />
        {resource && (
          <Button icon={<BellOutlined />} onClick={toggleSubscription} data-testid="data-subscribe">
            {subscription.data?.subscribed ? t('dataLoad.unsubscribe') : t('dataLoad.subscribe')}
          </Button>
        )}
        {resource && canManage && (
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => setEditingRules(true)}
            data-testid="data-rules"
          >
            {t('dataRules.button')}
          </Button>
        )}
      </Space>
      {resource && editingRules && (
        <RulesEditorModal resource={resource} onClose={() => setEditingRules(false)} onSaved={reload} />
      )}
      {resource && canManage && (
        <Card>
          <LoadUpload key={resource.id} resourceId={resource.id} onSettled={reload} />
        </Card>
      )}
      {resource && findings.data && <FindingsCard findings={findings.data} itemNames={itemNames} />}
      {resource && (
        <Card title={t('dataLoad.history')}>
          <LoadsTable loads={loads.data?.items ?? []} loading={loads.loading} />
        </Card>
      )}
    </Space>
  );
}
