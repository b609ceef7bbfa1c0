import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';
import { StaffSelect } from './staff-select';

export interface AuditFilter {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

interface FilterForm {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string | null;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const blank = (value: string | null | undefined) => value?.trim() || undefined;

/** Filter bar for the audit log; dates are whole days in the viewer's time. */
export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const t = useT();
  const { can } = useSession();
  const [form] = Form.useForm<FilterForm>();

  const submit = (values: FilterForm) =>
    onChange({
      action: blank(values.action),
      subjectType: blank(values.subjectType),
      subjectId: blank(values.subjectId),
      actorId: blank(values.actorId),
      from: values.range?.[0]?.startOf('day').toISOString(),
      to: values.range?.[1]?.endOf('day').toISOString(),
    });

  return (
    <Form
      form={form}
      name="audit-filter"
      layout="inline"
      onFinish={submit}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item label={t('audit.action')} name="action">
        <Input placeholder="identity.staff.created" style={{ width: 220 }} allowClear />
      </Form.Item>
      <Form.Item label={t('audit.subjectType')} name="subjectType">
        <Input placeholder="staff" style={{ width: 160 }} allowClear />
      </Form.Item>
      <Form.Item label={t('audit.subjectId')} name="subjectId">
        <Input style={{ width: 200 }} allowClear />
      </Form.Item>
      <Form.Item label={t('audit.actor')} name="actorId">
        {can('staff.read') ? (
          <StaffSelect style={{ width: 220 }} />
        ) : (
          <Input style={{ width: 220 }} allowClear />
        )}
      </Form.Item>
      <Form.Item label={t('audit.dateRange')} name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
