import { IssuesCloseOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session';
import { ObjectionModal, type ObjectionModalProps } from './objection-modal';

/** 数据异议 on the resource drawer: for anyone who reads the catalog. */
export function ObjectionButton({ resource }: { resource: ObjectionModalProps['resource'] }) {
  const t = useT();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  if (!can('data.catalog.read')) return null;
  return (
    <>
      <Button icon={<IssuesCloseOutlined />} onClick={() => setOpen(true)} data-testid="data-objection">
        {t('dataObjection.button')}
      </Button>
      {open && <ObjectionModal resource={resource} onClose={() => setOpen(false)} />}
    </>
  );
}
