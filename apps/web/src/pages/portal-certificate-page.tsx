import { problemOf } from '@zhizhi/api-client';
import { Card, Descriptions, Result, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { loadCertificate } from '../components/gov-services/portal-api';
import { PortalShell } from '../components/gov-services/portal-shell';
import type { PublicCertificate } from '../components/gov-services/types';
import { formatDateTime } from '../components/format';
import type { MessageKey } from '../i18n/translate';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const FAILURES: Record<string, MessageKey> = {
  'codes.code.invalid': 'portal.certificate.invalid',
  'codes.code.revoked': 'portal.certificate.codeRevoked',
  'codes.code.not_found': 'portal.certificate.notFound',
};

type Loaded =
  | { state: 'loading' }
  | { state: 'ok'; certificate: PublicCertificate }
  | { state: 'failed'; code: string };

/** 电子证照核验 (no login): what a scanned certificate code certifies and whether it is still valid. */
export function PortalCertificatePage() {
  const t = useT();
  const name = useLocalName();
  const { locale } = usePreferences();
  const { token = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    loadCertificate(token)
      .then((certificate) => current && setLoaded({ state: 'ok', certificate }))
      .catch((error: unknown) => current && setLoaded({ state: 'failed', code: problemOf(error).code }));
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <PortalShell title={t('portal.certificate.title')}>
      {loaded.state === 'loading' && <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />}
      {loaded.state === 'failed' && (
        <Result
          status="warning"
          title={t(FAILURES[loaded.code] ?? 'portal.certificate.invalid')}
          subTitle={t('portal.certificate.failedHint')}
          data-testid="portal-certificate-error"
          data-code={loaded.code}
        />
      )}
      {loaded.state === 'ok' && (
        <Card data-testid="portal-certificate">
          <Tag
            color={loaded.certificate.status === 'valid' ? 'success' : 'error'}
            data-testid="portal-certificate-status"
            data-status={loaded.certificate.status}
            style={{ fontSize: '1.1em', padding: '4px 12px' }}
          >
            {loaded.certificate.status === 'valid'
              ? t('portal.certificate.valid')
              : t('portal.certificate.revoked')}
          </Tag>
          <Typography.Title level={3} style={{ marginTop: 12 }}>
            {loaded.certificate.name}
          </Typography.Title>
          <Descriptions column={1} bordered size="middle">
            <Descriptions.Item label={t('portal.certificate.number')}>
              <span className="zz-mono" data-testid="portal-certificate-number">
                {loaded.certificate.number}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.certificate.holder')}>
              <span data-testid="portal-certificate-holder">{loaded.certificate.holder}</span>
            </Descriptions.Item>
            {loaded.certificate.identifier && (
              <Descriptions.Item label={t('portal.certificate.identifier')}>
                <span className="zz-mono">{loaded.certificate.identifier}</span>
              </Descriptions.Item>
            )}
            {loaded.certificate.address && (
              <Descriptions.Item label={t('portal.certificate.address')}>
                {loaded.certificate.address}
              </Descriptions.Item>
            )}
            {loaded.certificate.scope && (
              <Descriptions.Item label={t('portal.certificate.scope')}>
                {loaded.certificate.scope}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('portal.certificate.issuer')}>
              {name(loaded.certificate.issuer.zh ?? '—', loaded.certificate.issuer.en)}
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.certificate.issuedAt')}>
              {formatDateTime(loaded.certificate.issuedAt, locale)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('portal.certificate.note')}
          </Typography.Paragraph>
        </Card>
      )}
    </PortalShell>
  );
}
