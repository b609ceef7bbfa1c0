import { CheckCircleFilled, DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { problemText } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { fileUrl, removeMaterial, uploadMaterial } from './portal-api';
import { sourceText } from './portal-format';
import type { Application, PlanMaterial } from './types';

/** Names of files uploaded in this visit (the application keeps only their ids). */
const fileNames = new Map<string, string>();

/** The id a material's error links to. */
export const materialAnchor = (key: string) => `portal-anchor-material-${key}`;

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

function UploadButton({
  materialKey,
  pending,
  onFile,
}: {
  materialKey: string;
  pending: boolean;
  onFile: (file: File) => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid={`portal-material-${materialKey}`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button icon={<UploadOutlined />} loading={pending} onClick={() => input.current?.click()}>
        {t('portal.material.upload')}
      </Button>
    </>
  );
}

/**
 * The one set of materials: e-certificates fetched for the applicant (nothing to hand in),
 * uploads with their files. `mode` says what may change: a draft everything, 补正 uploads only.
 */
export function MaterialSet({
  application,
  materials,
  mode,
  missing,
  onChange,
}: {
  application: Application;
  materials: PlanMaterial[];
  mode: 'draft' | 'supplement' | 'read';
  missing?: ReadonlySet<string>;
  onChange: (application: Application) => void;
}) {
  const t = useT();
  const name = useLocalName();
  const { locale } = usePreferences();
  const { message } = App.useApp();
  const [pending, setPending] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const upload = async (key: string, file: File) => {
    setPending(key);
    setErrors(({ [key]: _, ...rest }) => rest);
    try {
      const result = await uploadMaterial(application.id, key, file);
      fileNames.set(result.file.id, file.name);
      onChange(result.application);
      void message.success(t('portal.material.uploaded', { name: file.name }));
    } catch (error) {
      const problem = problemOf(error);
      const text =
        problem.code === 'files.type_not_allowed'
          ? t('portal.material.typeNotAllowed')
          : (problemText(locale, problem) ?? t('error.unknown'));
      setErrors((previous) => ({ ...previous, [key]: text }));
    } finally {
      setPending(undefined);
    }
  };

  const remove = async (key: string, fileId: string) => {
    setPending(key);
    try {
      onChange((await removeMaterial(application.id, key, fileId)).application);
    } catch (error) {
      setErrors((previous) => ({
        ...previous,
        [key]: problemText(locale, problemOf(error)) ?? t('error.unknown'),
      }));
    } finally {
      setPending(undefined);
    }
  };

  return (
    <List
      data-testid="portal-materials"
      dataSource={materials}
      renderItem={(material) => {
        const entry = application.materials[material.key];
        const files = entry?.fileIds ?? [];
        const certificate = material.source.kind === 'certificate';
        const done = Boolean(entry?.certificate) || files.length > 0;
        return (
          <List.Item id={materialAnchor(material.key)} data-testid={`portal-material-item-${material.key}`}>
            <Card size="small" style={{ width: '100%' }}>
              <Space wrap style={{ marginBottom: 8 }}>
                <Typography.Text strong>{name(material.name.zh, material.name.en)}</Typography.Text>
                <Tag color={material.required ? 'red' : 'default'}>
                  {material.required ? t('portal.material.required') : t('portal.material.optional')}
                </Tag>
                {certificate && <Tag color="blue">{t('portal.material.fromCertificate')}</Tag>}
                {done && (
                  <CheckCircleFilled aria-label={t('portal.material.done')} style={{ color: '#389e0d' }} />
                )}
              </Space>
              {certificate && entry?.certificate && (
                <Alert
                  type="success"
                  showIcon
                  data-testid={`portal-material-certificate-${material.key}`}
                  title={t('portal.material.autoFetched')}
                  description={sourceText(t, entry.certificate)}
                />
              )}
              {certificate && !entry?.certificate && (
                <Alert type="warning" showIcon title={t('portal.material.certificateNotFound')} />
              )}
              {!entry?.certificate && (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {files.length > 0 && (
                    <List
                      size="small"
                      dataSource={files}
                      renderItem={(fileId, index) => (
                        <List.Item
                          actions={
                            mode === 'draft'
                              ? [
                                  <Button
                                    key="remove"
                                    type="link"
                                    danger
                                    icon={<DeleteOutlined />}
                                    disabled={pending === material.key}
                                    onClick={() => remove(material.key, fileId)}
                                    data-testid={`portal-material-remove-${material.key}-${index}`}
                                  >
                                    {t('portal.material.remove')}
                                  </Button>,
                                ]
                              : []
                          }
                        >
                          <a href={fileUrl(application.id, fileId)} target="_blank" rel="noreferrer">
                            <FileOutlined />{' '}
                            {fileNames.get(fileId) ?? t('portal.material.file', { n: index + 1 })}
                          </a>
                        </List.Item>
                      )}
                    />
                  )}
                  {mode !== 'read' && (
                    <Space wrap>
                      <UploadButton
                        materialKey={material.key}
                        pending={pending === material.key}
                        onFile={(file) => upload(material.key, file)}
                      />
                      <Typography.Text type="secondary">{t('portal.material.accept')}</Typography.Text>
                    </Space>
                  )}
                </Space>
              )}
              {errors[material.key] && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginTop: 8 }}
                  title={errors[material.key]}
                  data-testid={`portal-material-error-${material.key}`}
                />
              )}
              {missing?.has(material.key) && (
                <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
                  {t('portal.material.missing')}
                </Typography.Text>
              )}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
