import { type CalendarDay, unwrap } from '@zhizhi/api-client';
import { Button, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { api } from '../api/api';
import { useEnumLabel, useT } from '../i18n/use-t';
import { useAction } from './use-action';

interface OverrideForm {
  isWorkday: boolean;
  note?: string;
}

export interface CalendarDayModalProps {
  day: CalendarDay;
  canManage: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Shows one day; with `calendar.manage`, sets or removes a local override (e.g. a typhoon closure). */
export function CalendarDayModal({ day, canManage, onClose, onSaved }: CalendarDayModalProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const [form] = Form.useForm<OverrideForm>();
  const save = useAction();
  const remove = useAction();

  const submit = async (values: OverrideForm) => {
    const done = await save.run(
      () =>
        unwrap(
          api.PUT('/api/calendar/overrides/{day}', {
            params: { path: { day: day.day } },
            body: { isWorkday: values.isWorkday, note: values.note?.trim() || null },
          }),
        ),
      { form, success: t('common.saved') },
    );
    if (done) onSaved();
  };

  const removeOverride = async () => {
    const done = await remove.run(
      () => unwrap(api.DELETE('/api/calendar/overrides/{day}', { params: { path: { day: day.day } } })),
      { success: t('calendar.overrideRemoved') },
    );
    if (done) onSaved();
  };

  const footer = canManage
    ? [
        day.overridden && (
          <Button key="remove" danger loading={remove.pending} onClick={removeOverride}>
            {t('calendar.removeOverride')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={save.pending} onClick={() => form.submit()}>
          {t('calendar.saveOverride')}
        </Button>,
      ]
    : [
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ];

  return (
    <Modal open title={day.day} onCancel={onClose} footer={footer}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'kind', label: t('calendar.kind'), children: enumLabel('calendarKind', day.kind) },
          { key: 'name', label: t('calendar.name'), children: day.name ?? '—' },
          {
            key: 'workday',
            label: t('calendar.isWorkday'),
            children: day.isWorkday ? t('common.yes') : t('common.no'),
          },
          {
            key: 'overridden',
            label: t('calendar.overridden'),
            children: day.overridden
              ? `${t('common.yes')}${day.note ? ` — ${day.note}` : ''}`
              : t('common.no'),
          },
        ]}
      />
      {canManage && (
        <Form
          form={form}
          name="calendar-override"
          layout="vertical"
          onFinish={submit}
          initialValues={{ isWorkday: !day.isWorkday, note: day.note ?? '' }}
          style={{ marginTop: 16 }}
        >
          <Form.Item
            label={t('calendar.setAs')}
            name="isWorkday"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('calendar.workday') },
                { value: false, label: t('calendar.restDay') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('calendar.note')} name="note" extra={t('calendar.noteHelp')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
