import { Form, type FormInstance, type FormProps, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { useAction } from './use-action';

export interface FormModalProps<T, R> {
  title: ReactNode;
  /** The form's name; it prefixes the field ids. */
  name: string;
  initialValues?: FormProps<T>['initialValues'];
  /** Pass one when the dialog watches its own fields; otherwise the modal makes its own. */
  form?: FormInstance<T>;
  width?: number;
  okText?: ReactNode;
  /** Shown after a successful save (default: "saved"). */
  success?: string;
  save: (values: T) => Promise<R>;
  onClose: () => void;
  onSaved: (result: R) => void;
  children: ReactNode;
}

/**
 * A dialog around a vertical form: OK validates, runs `save` (server field errors land on the form),
 * then calls `onSaved`. Mount it only while open, keyed by what it edits, so each opening gets a fresh form.
 */
export function FormModal<T, R>({
  title,
  name,
  initialValues,
  form: given,
  width,
  okText,
  success,
  save,
  onClose,
  onSaved,
  children,
}: FormModalProps<T, R>) {
  const t = useT();
  const [form] = Form.useForm<T>(given);
  const { pending, run } = useAction();

  const submit = async (values: T) => {
    let result: R | undefined;
    const done = await run(
      async () => {
        result = await save(values);
      },
      { form, success: success ?? t('common.saved') },
    );
    if (done) onSaved(result as R);
  };

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={width}
    >
      <Form form={form} name={name} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
