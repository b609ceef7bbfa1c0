import { type Division, unwrap } from '@zhizhi/api-client';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { useAction } from './use-action';

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
  const [form] = Form.useForm<RenameForm>();
  const { pending, run } = useAction();

  const submit = async (values: RenameForm) => {
    let renamed: Division | undefined;
    const done = await run(
      async () => {
        renamed = await unwrap(
          api.POST('/api/org/divisions/{code}/rename', {
            params: { path: { code: division.code } },
            body: { name: values.name.trim(), effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD') },
          }),
        );
      },
      { form, success: t('common.saved') },
    );
    if (done && renamed) onRenamed(renamed);
  };

  return (
    <Modal
      open
      title={t('divisions.renameTitle', { name: division.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        name="rename-division"
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: division.name, effectiveFrom: dayjs() }}
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
      </Form>
    </Modal>
  );
}
