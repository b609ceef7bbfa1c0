import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { useDepartmentsByCode } from '../services-staff/lookups';
import { useAction } from '../use-action';
import { call, RECORD_SOURCES, type RecordSource, type Subject } from './types';

interface RecordValues {
  source: RecordSource;
  departmentCode: string;
  date: Dayjs;
  validUntil?: Dayjs | null;
  severity: number;
  summary: string;
  amount?: number | null;
  licenceRevoked?: boolean;
  licenceType?: string;
  result?: 'pass' | 'fail';
  violation?: boolean;
  kept?: 'kept' | 'broken' | 'unchecked';
}

/** The `data` a source needs (see the module's recordDataSchemas). */
function dataOf(values: RecordValues): Record<string, unknown> {
  switch (values.source) {
    case 'penalty':
      return {
        ...(values.amount !== undefined && values.amount !== null ? { amount: values.amount } : {}),
        licenceRevoked: values.licenceRevoked === true,
      };
    case 'licence':
      return values.licenceType ? { licenceType: values.licenceType } : {};
    case 'inspection':
      return { result: values.result };
    case 'tax':
      return { violation: values.violation === true };
    case 'commitment':
      return { kept: values.kept === 'kept' ? true : values.kept === 'broken' ? false : null };
    default:
      return {};
  }
}

/** 手工录入信用记录 (a department's decision); the subject is re-rated on save. */
export function RecordForm({ subject, onSaved }: { subject: Subject; onSaved: () => void }) {
  const t = useT();
  const departments = useDepartmentsByCode();
  const { pending, run } = useAction();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RecordValues>();
  const source = Form.useWatch('source', form);

  const submit = async (values: RecordValues) => {
    const ok = await run(
      () =>
        call(
          api.POST('/api/regulation/subjects/{id}/records', {
            params: { path: { id: subject.id } },
            body: {
              source: values.source,
              departmentCode: values.departmentCode,
              date: values.date.format('YYYY-MM-DD'),
              validUntil: values.validUntil ? values.validUntil.format('YYYY-MM-DD') : null,
              severity: values.severity,
              summary: values.summary.trim(),
              data: dataOf(values),
            },
          }),
        ),
      { form, success: t('regStaff.record.saved') },
    );
    if (!ok) return;
    setOpen(false);
    form.resetFields();
    onSaved();
  };

  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="reg-record-add">
        {t('regStaff.record.add')}
      </Button>
      <Modal
        open={open}
        title={t('regStaff.record.add')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        confirmLoading={pending}
        destroyOnHidden
      >
        <Form<RecordValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ source: 'penalty', departmentCode: subject.departmentCode, severity: 30 }}
          data-testid="reg-record-form"
        >
          <Form.Item name="source" label={t('regStaff.record.source')} rules={[{ required: true }]}>
            <Select
              options={RECORD_SOURCES.map((value) => ({ value, label: t(`regStaff.source.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="departmentCode"
            label={t('regStaff.record.department')}
            rules={[{ required: true }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={departments.options} />
          </Form.Item>
          <Form.Item name="date" label={t('regStaff.record.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="validUntil"
            label={t('regStaff.record.validUntil')}
            extra={t('regStaff.record.validUntilHelp')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="severity"
            label={t('regStaff.record.severity')}
            extra={t('regStaff.record.severityHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {source === 'penalty' && (
            <>
              <Form.Item name="amount" label={t('regStaff.record.amount')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="licenceRevoked"
                label={t('regStaff.record.licenceRevoked')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </>
          )}
          {source === 'licence' && (
            <Form.Item name="licenceType" label={t('regStaff.licence.type')}>
              <Input maxLength={60} />
            </Form.Item>
          )}
          {source === 'inspection' && (
            <Form.Item name="result" label={t('regStaff.inspection.result')} rules={[{ required: true }]}>
              <Select
                options={(['pass', 'fail'] as const).map((value) => ({
                  value,
                  label: t(`regStaff.inspection.result.${value}`),
                }))}
              />
            </Form.Item>
          )}
          {source === 'tax' && (
            <Form.Item name="violation" label={t('regStaff.record.taxViolation')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          {source === 'commitment' && (
            <Form.Item name="kept" label={t('regStaff.record.commitmentKept')} initialValue="unchecked">
              <Select
                options={(['unchecked', 'kept', 'broken'] as const).map((value) => ({
                  value,
                  label: t(`regStaff.record.commitment.${value}`),
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="summary"
            label={t('regStaff.record.summary')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
