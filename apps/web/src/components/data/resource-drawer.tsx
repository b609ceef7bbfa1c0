import { unwrap } from '@zhizhi/api-client';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { useLoad } from '../use-load';
import { GradeTag, OpeningTag, SharingTag, StatusTag } from './data-tags';
import { RetireResourceModal } from './retire-resource-modal';
import { ShareRequestButton } from './sharing/share-request-button';
import { ObjectionButton } from './collection/objection-button';
import type { DataItem, DataResourceDetail } from './types';

export interface ResourceDrawerProps {
  resourceId: string;
  departmentName: (id: string) => string;
  onClose: () => void;
  /** Offer 编辑 / 撤销 (the server checks the provider department's scope). */
  canManage?: boolean;
  /** Opens the edit form for the loaded resource. */
  onEdit?: (resource: DataResourceDetail) => void;
  /** After a retirement, so the list can reload. */
  onRetired?: () => void;
  /** Bump to reload the resource (e.g. after an edit). */
  version?: number;
}

/** One resource with every catalog field, its graded items and any 一数一源 conflicts. */
export function ResourceDrawer({
  resourceId,
  departmentName,
  onClose,
  canManage,
  onEdit,
  onRetired,
  version,
}: ResourceDrawerProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale, elderMode } = usePreferences();
  const [retiring, setRetiring] = useState(false);
  const loaded = useLoad(
    () => unwrap(api.GET('/api/data/resources/{id}', { params: { path: { id: resourceId } } })),
    [resourceId, version],
  );
  const resource = loaded.data?.id === resourceId ? loaded.data : undefined;

  return (
    <Drawer
      open
      size={elderMode ? 'min(1100px, 100vw)' : 'min(860px, 100vw)'}
      title={resource ? `${resource.name}` : t('data.detail.title')}
      onClose={onClose}
      destroyOnHidden
      extra={
        resource && (
          <Space wrap data-testid="data-detail-actions">
            <ShareRequestButton resource={resource} />
            <ObjectionButton resource={resource} />
            {canManage && resource.status === 'active' && onEdit && (
              <Button icon={<EditOutlined />} data-testid="data-edit" onClick={() => onEdit(resource)}>
                {t('data.catalog.edit')}
              </Button>
            )}
            {canManage && resource.status === 'active' && (
              <Button
                danger
                icon={<DeleteOutlined />}
                data-testid="data-retire"
                onClick={() => setRetiring(true)}
              >
                {t('data.catalog.retire')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {resource && retiring && (
        <RetireResourceModal
          resource={resource}
          onClose={() => setRetiring(false)}
          onRetired={() => {
            setRetiring(false);
            loaded.reload();
            onRetired?.();
          }}
        />
      )}
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
            <Descriptions.Item label={t('data.field.status')}>
              <StatusTag value={resource.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('data.field.retiredAt')}>
              {resource.retiredAt ? formatDateTime(resource.retiredAt, locale) : '—'}
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
            <Descriptions.Item label={t('data.field.keyItems')}>
              <span className="zz-mono" data-testid="data-detail-key-items">
                {resource.keyItems.length > 0 ? resource.keyItems.join('、') : '—'}
              </span>
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
