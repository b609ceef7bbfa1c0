import { ReloadOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Alert, Button, Skeleton } from 'antd';
import { api } from '../api/api';
import { useEnumLabel, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { formatDateTime } from './format';
import { useLoad } from './use-load';

/** Result of walking the whole hash chain: green when intact, red with every problem found. */
export function AuditBanner() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale } = usePreferences();
  const verification = useLoad(() => unwrap(api.GET('/api/audit/verify')), []);
  const result = verification.data;

  const reverify = (
    <Button
      icon={<ReloadOutlined />}
      loading={verification.loading}
      onClick={verification.reload}
      data-testid="audit-reverify"
    >
      {t('audit.reverify')}
    </Button>
  );

  if (!result) {
    return verification.failed ? (
      <Alert type="warning" showIcon title={t('audit.verifyFailed')} action={reverify} />
    ) : (
      <Skeleton active paragraph={{ rows: 1 }} />
    );
  }

  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={<strong data-testid="audit-verified">{t('audit.verified')}</strong>}
        description={t('audit.verifiedDetail', {
          checked: result.checked,
          seq: result.headSeq ?? '—',
          hash: result.headHash ? result.headHash.slice(0, 16) : '—',
          at: formatDateTime(result.verifiedAt, locale),
        })}
        action={reverify}
      />
    );
  }

  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={
        <strong data-testid="audit-broken">{t('audit.broken', { count: result.problems.length })}</strong>
      }
      description={
        <>
          <p style={{ margin: '4px 0' }}>
            {t('audit.brokenDetail', {
              checked: result.checked,
              at: formatDateTime(result.verifiedAt, locale),
            })}
          </p>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="audit-problems">
            {result.problems.map((problem) => (
              <li key={`${problem.seq}-${problem.kind}`}>
                #{problem.seq} · {enumLabel('auditProblem', problem.kind)} · {problem.message}
              </li>
            ))}
          </ul>
        </>
      }
      action={reverify}
    />
  );
}
