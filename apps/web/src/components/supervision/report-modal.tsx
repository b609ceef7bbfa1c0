import { UploadOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Form, Input, Slider, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { FormModal } from '../form-modal';
import { useProblemNotifier } from '../use-action';
import type { SupervisionAssignment, SupervisionTask } from './types';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/** The file as base64 (the API takes JSON). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export interface ReportModalProps {
  task: SupervisionTask;
  assignment: SupervisionAssignment;
  /** `report` = progress (percentage + text); `complete` = the completion report. */
  mode: 'report' | 'complete';
  onClose: () => void;
  onSaved: (task: SupervisionTask) => void;
}

/** A department reports progress or completion, with optional photos or PDFs. */
export function ReportModal({ task, assignment, mode, onClose, onSaved }: ReportModalProps) {
  const t = useT();
  const notify = useProblemNotifier();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const path = { id: task.id, assignmentId: assignment.id };
  const fileIds = () =>
    files.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response.id as string);

  const save = (values: { progress: number; note: string }) =>
    unwrap(
      mode === 'report'
        ? api.POST('/api/governance/tasks/{id}/assignments/{assignmentId}/report', {
            params: { path },
            body: { progress: values.progress, note: values.note.trim(), fileIds: fileIds() },
          })
        : api.POST('/api/governance/tasks/{id}/assignments/{assignmentId}/complete', {
            params: { path },
            body: { note: values.note.trim(), fileIds: fileIds() },
          }),
    );

  const upload = async (file: File) =>
    unwrap(
      api.POST('/api/governance/tasks/attachments', {
        body: { name: file.name, contentBase64: await readBase64(file) },
      }),
    );

  return (
    <FormModal
      title={`${t(mode === 'report' ? 'supervision.actions.report' : 'supervision.actions.complete')} · ${assignment.departmentName}`}
      name={`supervision-${mode}`}
      width={640}
      success={t(mode === 'report' ? 'supervision.reported' : 'supervision.completedOk')}
      initialValues={{ progress: assignment.progress }}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      {mode === 'report' && (
        <Form.Item label={t('supervision.progress')} name="progress" rules={[{ required: true }]}>
          <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} />
        </Form.Item>
      )}
      <Form.Item
        label={t(mode === 'report' ? 'supervision.note' : 'supervision.completionNote')}
        name="note"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item label={t('supervision.attachments')} extra={t('supervision.uploadHelp')}>
        <Upload
          accept={ACCEPT}
          fileList={files}
          maxCount={10}
          beforeUpload={(file) => file.size <= MAX_BYTES || Upload.LIST_IGNORE}
          onChange={({ fileList }) => setFiles(fileList)}
          customRequest={({ file, onSuccess, onError }) => {
            upload(file as File)
              .then((stored) => onSuccess?.(stored))
              .catch((error: unknown) => {
                notify(error);
                onError?.(error as Error);
              });
          }}
        >
          <Button icon={<UploadOutlined />}>{t('supervision.upload')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
