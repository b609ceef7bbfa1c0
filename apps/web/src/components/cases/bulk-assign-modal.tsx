import { unwrap } from '@zhizhi/api-client';
import { Alert, Form, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { problemText } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useAction } from '../use-action';
import { DepartmentPicker, StaffPicker } from './pickers';
import type { CaseItem } from './types';

type Result = { id: string; ok: boolean; code: string | null };

export interface BulkAssignModalProps {
  cases: CaseItem[];
  onClose: () => void;
  /** Some or all were assigned: the list should reload. */
  onDone: () => void;
}

/** Assigns the selected cases to one person, each at the version shown; reports each failure. */
export function BulkAssignModal({ cases: given, onClose, onDone }: BulkAssignModalProps) {
  const t = useT();
  const { locale } = usePreferences();
  const [form] = Form.useForm<{ departmentId: string; assigneeId: string }>();
  const departmentId = Form.useWatch('departmentId', form);
  const { pending, run } = useAction();
  const [results, setResults] = useState<Result[] | null>(null);
  // The list behind clears its selection once some are assigned; the report still names them all.
  const [cases] = useState(given);
  const departments = [...new Set(cases.map((c) => c.departmentId))];
  const numberOf = new Map(cases.map((c) => [c.id, c.number]));

  const submit = async (values: { assigneeId: string }) => {
    await run(async () => {
      const body = await unwrap(
        api.POST('/api/cases/bulk-assign', {
          body: {
            assigneeId: values.assigneeId,
            transition: 'assign',
            cases: cases.map((c) => ({ id: c.id, version: c.version })),
          },
        }),
      );
      setResults(body.results);
      if (body.results.some((r) => r.ok)) onDone();
    });
  };

  if (results) {
    const failed = results.filter((r) => !r.ok);
    return (
      <Modal
        key="results"
        open
        title={t('cases.bulk.title')}
        onOk={onClose}
        onCancel={onClose}
        okText={t('common.close')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert
          type={failed.length ? 'warning' : 'success'}
          showIcon
          data-testid="bulk-result"
          title={t('cases.bulk.result', { ok: results.length - failed.length, failed: failed.length })}
        />
        {failed.length > 0 && (
          <List
            size="small"
            style={{ marginTop: 12 }}
            dataSource={failed}
            renderItem={(r) => (
              <List.Item>
                <Typography.Text className="zz-mono">{numberOf.get(r.id)}</Typography.Text>：
                {problemText(locale, { code: r.code ?? undefined }) ?? r.code}
              </List.Item>
            )}
          />
        )}
      </Modal>
    );
  }

  return (
    <Modal
      key="form"
      open
      title={t('cases.bulk.title')}
      okText={t('cases.bulk.submit', { count: cases.length })}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        name="bulk-assign"
        layout="vertical"
        onFinish={submit}
        initialValues={{ departmentId: departments.length === 1 ? (departments[0] ?? undefined) : undefined }}
      >
        <Typography.Paragraph>{t('cases.bulk.intro', { count: cases.length })}</Typography.Paragraph>
        <Form.Item
          name="departmentId"
          label={t('cases.bulk.department')}
          extra={t('cases.bulk.departmentHelp')}
          rules={[{ required: true, message: t('cases.pickDepartment') }]}
        >
          <DepartmentPicker />
        </Form.Item>
        <Form.Item
          name="assigneeId"
          label={t('cases.assignee')}
          rules={[{ required: true, message: t('cases.pickPerson') }]}
        >
          <StaffPicker departmentId={departmentId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
