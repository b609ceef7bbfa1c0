import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Space, Tag, Typography, Upload } from 'antd';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { useAction } from '../use-action';
import { SourceTag } from './service-form';
import { type Application, call, materialUrl, type PlanMaterial } from './types';

/** Uploads one material as the raw request body (the server checks the type from the bytes). */
export function uploadMaterial(applicationId: string, key: string, file: File) {
  return call<{ application: Application }>(
    api.POST('/api/services/applications/{id}/materials/{key}', {
      params: { path: { id: applicationId, key }, header: { 'x-file-name': encodeURIComponent(file.name) } },
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

export interface MaterialsPanelProps {
  application: Application;
  materials: PlanMaterial[];
  /** Scanning/uploading allowed (drafts at the window). */
  editable?: boolean;
  onChanged?: (application: Application) => void;
  matterName?: (code: string) => string;
}

/** The one material set: e-certificates found, files uploaded (downloadable), uploads at the window. */
export function MaterialsPanel({
  application,
  materials,
  editable,
  onChanged,
  matterName,
}: MaterialsPanelProps) {
  const t = useT();
  const localName = useLocalName();
  const { pending, run } = useAction();
  return (
    <List
      size="small"
      dataSource={materials}
      data-testid="services-materials"
      locale={{ emptyText: t('govStaff.materials.none') }}
      renderItem={(material) => {
        const entry = application.materials[material.key];
        const files = entry?.fileIds ?? [];
        const done = files.length > 0 || Boolean(entry?.certificate);
        return (
          <List.Item
            data-testid={`services-material-${material.key}`}
            data-done={done}
            actions={
              // A certificate the platform could not find is scanned at the window instead.
              editable && (material.source.kind === 'upload' || !entry?.certificate)
                ? [
                    <Upload
                      key="upload"
                      accept={
                        material.source.kind === 'upload'
                          ? material.source.accept.join(',')
                          : 'application/pdf,image/jpeg,image/png'
                      }
                      showUploadList={false}
                      customRequest={({ file }) =>
                        void run(
                          async () => {
                            const result = await uploadMaterial(application.id, material.key, file as File);
                            onChanged?.(result.application);
                          },
                          { success: t('govStaff.materials.uploaded') },
                        )
                      }
                    >
                      <Button
                        size="small"
                        icon={<UploadOutlined />}
                        loading={pending}
                        data-testid={`services-material-upload-${material.key}`}
                      >
                        {t('govStaff.materials.scan')}
                      </Button>
                    </Upload>,
                  ]
                : undefined
            }
          >
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Typography.Text strong>{localName(material.name.zh, material.name.en)}</Typography.Text>
                {material.required ? (
                  <Tag color={done ? 'green' : 'red'}>
                    {done ? t('govStaff.materials.provided') : t('govStaff.materials.required')}
                  </Tag>
                ) : (
                  <Tag>{t('govStaff.materials.optional')}</Tag>
                )}
                {material.source.kind === 'certificate' && !entry?.certificate && (
                  <Tag color="blue">{t('govStaff.materials.byCertificate')}</Tag>
                )}
                <SourceTag source={entry?.certificate} />
              </Space>
              {material.source.kind === 'upload' && (
                <Typography.Text type="secondary">
                  {t('govStaff.materials.accept', { types: material.source.accept.join(', ') })}
                </Typography.Text>
              )}
              {matterName && material.matters.length > 0 && (
                <Typography.Text type="secondary">
                  {material.matters.map(matterName).join('、')}
                </Typography.Text>
              )}
              {files.map((fileId, i) => (
                <Typography.Link
                  key={fileId}
                  href={materialUrl(application.id, fileId)}
                  target="_blank"
                  data-testid="services-material-file"
                >
                  <PaperClipOutlined /> {t('govStaff.materials.file', { n: i + 1 })}
                </Typography.Link>
              ))}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
