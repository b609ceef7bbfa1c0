import { unwrap } from '@zhizhi/api-client';
import { Alert, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/api';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { useLoad } from '../use-load';
import { GradeTag, OpeningTag, SharingTag } from './data-tags';
import type { DataItem } from './types';

export interface ResourceDrawerProps {
  resourceId: string;
  departmentName: (id: string) => string;
  onClose: () => void;
}

/** One resource with every catalog field, its graded items and any 一数一源 conflicts. */
export function ResourceDrawer({ resourceId, departmentName, onClose }: ResourceDrawerProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale, elderMode } = usePreferences();
  const loaded = useLoad(
    () => unwrap(api.GET('/api/data/resources/{id}', { params: { path: { id: resourceId } } })),
    [resourceId],
  );
  const resource = loaded.data?.id === resourceId ? loaded.data : undefined;

  return (
    <Drawer
      open
      size={elderMode ? 'min(1100px, 100vw)' : 'min(860px, 100vw)'}
      title={resource ? `${resource.name}` : t('data.detail.title')}
      onClose={onClose}
      destroyOnHidden
    >
      {!resource ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="data-detail">
          {resource.conflicts.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="data-conflicts"
              title={t('data.conflicts.title')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {resource.conflicts.map((conflict) => (
                    <li key={`${conflict.resourceId}-${conflict.itemCode}`}>
                      {t('data.conflicts.line', {
                        item: conflict.itemName,
                        code: conflict.itemCode,
                        department: departmentName(conflict.departmentId),
                        resource: conflict.resourceName,
                        resourceCode: conflict.resourceCode,
                      })}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Descriptions bordered size="small" column={elderMode ? 1 : 2}>
            <Descriptions.Item label={t('data.field.code')}>
              <span className="zz-mono" data-testid="data-detail-code">
                {resource.code}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.classificationCode')}>
              <span className="zz-mono">{resource.classificationCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.name')} span="filled">
              {resource.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.provider')} span="filled">
              {departmentName(resource.providerDepartmentId)}
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.abstract')} span="filled">
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {resource.abstract}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.format')}>{resource.format}</Descriptions.Item>
            <Descriptions.Item label={t('data.field.updateCycle')}>{resource.updateCycle}</Descriptions.Item>
            <Descriptions.Item label={t('data.field.sharingType')}>
              <SharingTag value={resource.sharingType} />
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.openingType')}>
              <OpeningTag value={resource.openingType} />
            </Descriptions.Item>
            {resource.sharingType === 'conditional' && (
              <Descriptions.Item label={t('data.field.sharingCondition')} span="filled">
                {resource.sharingCondition ?? '—'}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('data.field.publishDate')}>
              {resource.publishDate ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.relatedCodes')}>
              {resource.relatedCodes.length > 0 ? resource.relatedCodes.join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.createdAt')}>
              {formatDateTime(resource.createdAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.updatedAt')}>
              {formatDateTime(resource.updatedAt, locale)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('data.items.title')}
          </Typography.Title>
          <Table<DataItem>
            rowKey="id"
            size="small"
            pagination={false}
            data-testid="data-items"
            dataSource={resource.items}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('data.items.code'),
                dataIndex: 'code',
                render: (value: string) => <span className="zz-mono">{value}</span>,
              },
              { title: t('data.items.name'), dataIndex: 'name' },
              {
                title: t('data.items.type'),
                dataIndex: 'type',
                render: (value: string) => enumLabel('data.type', value),
              },
              {
                title: t('data.items.grade'),
                dataIndex: 'grade',
                render: (value: DataItem['grade']) => <GradeTag value={value} />,
              },
              {
                title: t('data.items.personalKind'),
                dataIndex: 'personalKind',
                render: (value: string | null) => (value ? enumLabel('data.personal', value) : '—'),
              },
              {
                title: t('data.items.authoritative'),
                dataIndex: 'authoritative',
                render: (value: boolean) =>
                  value ? (
                    <Tag color="blue" data-testid="data-authoritative">
                      {t('data.items.authoritativeMark')}
                    </Tag>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
