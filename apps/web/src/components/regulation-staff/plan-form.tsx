import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { useSession } from '../../session/session';
import { loadDepartments, loadTowns } from '../cases/lookups';
import { useDepartmentsByCode } from '../services-staff/lookups';
import { useAction } from '../use-action';
import { useLoad } from '../use-load';
import { CreditClassTag } from './tags';
import { CREDIT_CLASSES, call, type InspectionItem, type Plan, type RatioByClass } from './types';

interface PlanValues {
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  itemCodes: string[];
  divisionCodes: string[];
  minInspectors: number;
}

const percent = (ratio: number) => Math.round(ratio * 10000) / 100;

/** 新建抽查计划: items with a ratio per credit class (the item's defaults), townships, inspectors per visit. */
export function PlanForm({ items, onCreated }: { items: InspectionItem[]; onCreated: (plan: Plan) => void }) {
  const t = useT();
  const localName = useLocalName();
  const departments = useDepartmentsByCode();
  const { me } = useSession();
  const { pending, run } = useAction();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PlanValues>();
  const [ratios, setRatios] = useState<Record<string, RatioByClass>>({});
  const towns = useLoad(() => loadTowns().catch(() => []), []);
  const departmentId = me?.department?.id;
  // The plan's department defaults to the signed-in user's own.
  const mine = useLoad(
    () =>
      loadDepartments()
        .then((all) => all.find((d) => d.id === departmentId)?.code)
        .catch(() => undefined),
    [departmentId],
  );
  const chosen: string[] = Form.useWatch('itemCodes', form) ?? [];
  const active = items.filter((i) => i.active);

  const onItems = (codes: string[]) =>
    setRatios((previous) =>
      Object.fromEntries(
        codes.map((code) => [
          code,
          previous[code] ?? { ...active.find((i) => i.code === code)!.ratioByClass },
        ]),
      ),
    );

  const submit = async (values: PlanValues) => {
    let created: Plan | undefined;
    const ok = await run(
      async () => {
        created = await call(
          api.POST('/api/regulation/plans', {
            body: {
              nameZh: values.nameZh.trim(),
              nameEn: values.nameEn.trim(),
              departmentCode: values.departmentCode,
              items: values.itemCodes.map((code) => ({ code, ratioByClass: ratios[code] })),
              divisionCodes: values.divisionCodes ?? [],
              minInspectors: values.minInspectors,
            },
          }),
        );
      },
      { form, success: t('regStaff.plan.created') },
    );
    if (!ok || !created) return;
    setOpen(false);
    form.resetFields();
    setRatios({});
    onCreated(created);
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="reg-plan-new">
        {t('regStaff.plan.new')}
      </Button>
      <Modal
        open={open}
        width={880}
        title={t('regStaff.plan.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('regStaff.plan.create')}
        confirmLoading={pending}
        destroyOnHidden
      >
        <Form<PlanValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ minInspectors: 2, divisionCodes: [], itemCodes: [], departmentCode: mine.data }}
          data-testid="reg-plan-form"
        >
          <Form.Item
            name="nameZh"
            label={t('regStaff.plan.nameZh')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('regStaff.plan.nameEn')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="departmentCode" label={t('regStaff.plan.department')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={departments.options} />
          </Form.Item>
          <Form.Item name="itemCodes" label={t('regStaff.plan.items')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              onChange={onItems}
              options={active.map((i) => ({
                value: i.code,
                label: `${localName(i.nameZh, i.nameEn)}（${departments.name(i.departmentCode)}）`,
              }))}
              data-testid="reg-plan-items"
            />
          </Form.Item>
          {chosen.length > 0 && (
            <Form.Item label={t('regStaff.plan.ratios')} extra={t('regStaff.plan.ratiosHelp')}>
              <Table<{ code: string }>
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={chosen.map((code) => ({ code }))}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    title: t('regStaff.item.name'),
                    key: 'name',
                    render: (_, r) => {
                      const item = active.find((i) => i.code === r.code);
                      return item ? localName(item.nameZh, item.nameEn) : r.code;
                    },
                  },
                  ...CREDIT_CLASSES.map((c) => ({
                    title: <CreditClassTag value={c} short />,
                    key: c,
                    render: (_: unknown, r: { code: string }) => (
                      <InputNumber
                        min={0}
                        max={100}
                        step={1}
                        precision={2}
                        suffix="%"
                        style={{ width: 110 }}
                        aria-label={`${r.code} ${c}`}
                        value={ratios[r.code] ? percent(ratios[r.code]![c]) : undefined}
                        onChange={(v) =>
                          setRatios((all) => ({
                            ...all,
                            [r.code]: { ...all[r.code]!, [c]: Math.round((v ?? 0) * 100) / 10000 },
                          }))
                        }
                        data-testid={`reg-plan-ratio-${r.code}-${c}`}
                      />
                    ),
                  })),
                ]}
              />
            </Form.Item>
          )}
          <Space wrap size="large" align="start">
            <Form.Item
              name="divisionCodes"
              label={t('regStaff.plan.townships')}
              extra={t('regStaff.plan.townshipsHelp')}
              style={{ minWidth: 360 }}
            >
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(towns.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              />
            </Form.Item>
            <Form.Item
              name="minInspectors"
              label={t('regStaff.plan.minInspectors')}
              extra={t('regStaff.plan.minInspectorsHelp')}
              rules={[{ required: true }, { type: 'number', min: 2, max: 20 }]}
            >
              <InputNumber min={2} max={20} precision={0} />
            </Form.Item>
          </Space>
          <Typography.Text type="secondary">{t('regStaff.plan.formHelp')}</Typography.Text>
        </Form>
      </Modal>
    </>
  );
}
