import { SwapOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { App, Button } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/api';
import { useLocalName, useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session';
import { useLoad } from '../../use-load';
import type { DataResourceDetail } from '../types';
import { ShareRequestModal } from './share-request-modal';

/**
 * 申请共享 on a resource: shown to staff who may request (`data.share.request`) for a shared,
 * active resource of another department; opens the request form.
 */
export function ShareRequestButton({ resource }: { resource: DataResourceDetail }) {
  const t = useT();
  const localName = useLocalName();
  const { me, can } = useSession();
  const { modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const needsDepartment = open && !me?.department?.id;
  const departments = useLoad(
    async () =>
      needsDepartment
        ? (await unwrap(api.GET('/api/org/departments'))).items.map((d) => ({
            value: d.id,
            label: localName(d.name, d.nameEn),
          }))
        : [],
    [needsDepartment],
  );
  if (
    !can('data.share.request') ||
    resource.status !== 'active' ||
    resource.sharingType === 'none' ||
    resource.providerDepartmentId === me?.department?.id
  )
    return null;
  return (
    <>
      <Button
        type="primary"
        icon={<SwapOutlined />}
        data-testid="share-request-open"
        onClick={() => setOpen(true)}
      >
        {t('share.request.button')}
      </Button>
      {open && (
        <ShareRequestModal
          resource={resource}
          departments={departments.data ?? []}
          onClose={() => setOpen(false)}
          onSaved={(created) => {
            setOpen(false);
            modal.success({ title: t('share.request.submitted', { number: created.number }) });
          }}
        />
      )}
    </>
  );
}
