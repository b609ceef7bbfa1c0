import { type Division, unwrap } from '@zhizhi/api-client';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { FormModal } from './form-modal';

interface RenameForm {
  name: string;
  effectiveFrom: Dayjs;
}

export interface RenameDivisionModalProps {
  division: Division;
  onClose: () => void;
  onRenamed: (division: Division) => void;
}

/** Renames a division from a date on: the old name stays as a historic row. */
export function RenameDivisionModal({ division, onClose, onRenamed }: RenameDivisionModalProps) {
  const t = useT();

  const save = (values: RenameForm) =>
    unwrap(
      api.POST('/api/org/divisions/{code}/rename', {
        params: { path: { code: division.code } },
        body: { name: values.name.trim(), effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD') },
      }),
    );

  return (
    <FormModal
      title={t('divisions.renameTitle', { name: division.name })}
      name="rename-division"
      initialValues={{ name: division.name, effectiveFrom: dayjs() }}
      save={save}
      onClose={onClose}
      onSaved={onRenamed}
    >
      <Form.Item
        label={t('divisions.newName')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label={t('divisions.effectiveFrom')}
        name="effectiveFrom"
        extra={t('divisions.effectiveFromHelp')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
