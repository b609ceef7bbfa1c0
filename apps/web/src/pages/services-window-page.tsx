import { FileAddOutlined, PrinterOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Result,
  Row,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../api/api';
import { DivisionPicker } from '../components/division-picker';
import { ApplicantLookup, type FoundApplicant } from '../components/services-staff/applicant-lookup';
import { MaterialsPanel } from '../components/services-staff/materials-panel';
import { ServiceForm } from '../components/services-staff/service-form';
import { type Target, TargetPicker } from '../components/services-staff/target-picker';
import { type Application, type ApplicationView, call } from '../components/services-staff/types';
import { useAction } from '../components/use-action';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

interface Slip {
  number: string;
  queryPassword: string;
  caseId: string;
  application: Application;
}

/** Form values as the API stores them: '' and undefined clear a value. */
function formValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v === undefined || v === '' ? null : v]),
  );
}

/**
 * 一窗受理: the window clerk finds (or registers) the applicant, picks a matter or a “one thing”
 * bundle, creates the draft on their behalf, fills the one form (pre-filled values show their
 * source), scans the materials and submits; the slip shows the 办件编号 and the 查询密码.
 */
export function ServicesWindowPage() {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const { me } = useSession();
  const { pending, run } = useAction();
  const [applicant, setApplicant] = useState<FoundApplicant | null>(null);
  const [divisionCode, setDivisionCode] = useState<string | undefined>(me?.roles[0]?.divisionCode);
  const [target, setTarget] = useState<Target | null>(null);
  const [draft, setDraft] = useState<ApplicationView | null>(null);
  const [commitments, setCommitments] = useState<string[]>([]);
  const [slip, setSlip] = useState<Slip | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();

  const matterName = (code: string) => {
    const m = draft?.plan.matters.find((x) => x.code === code);
    return m ? localName(m.name.zh, m.name.en) : code;
  };

  const reset = () => {
    setApplicant(null);
    setTarget(null);
    setDraft(null);
    setSlip(null);
    setCommitments([]);
    form.resetFields();
  };

  const create = () =>
    run(async () => {
      if (!applicant || !target || !divisionCode) return;
      const view = await call<ApplicationView>(
        api.POST('/api/services/applications', {
          body: {
            divisionCode,
            channel: 'window',
            onBehalfOf: { kind: applicant.kind, identifier: applicant.identifier },
            ...(target.kind === 'matter'
              ? { matterCode: target.matterCode }
              : { bundleCode: target.bundleCode, answers: target.answers }),
          },
        }),
      );
      setDraft(view);
      setCommitments([]);
      form.resetFields();
      form.setFieldsValue(view.application.form);
    });

  const save = async (): Promise<ApplicationView | null> => {
    if (!draft) return null;
    const view = await call<ApplicationView>(
      api.PUT('/api/services/applications/{id}', {
        params: { path: { id: draft.application.id } },
        body: { form: formValues(form.getFieldsValue(true)), commitments },
      }),
    );
    setDraft(view);
    return view;
  };

  const submit = () =>
    run(
      async () => {
        await form.validateFields();
        const saved = await save();
        if (!saved) return;
        const result = await call<Slip>(
          api.POST('/api/services/applications/{id}/submit', {
            params: { path: { id: saved.application.id } },
          }),
        );
        setSlip(result);
      },
      { form },
    );

  const step = slip ? 3 : draft ? 2 : applicant ? 1 : 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="services-window">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('govStaff.nav.window')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('govStaff.window.intro')}</Typography.Paragraph>
      <Steps
        current={step}
        size={elderMode ? 'default' : 'small'}
        items={[
          { title: t('govStaff.window.step.applicant') },
          { title: t('govStaff.window.step.matter') },
          { title: t('govStaff.window.step.form') },
          { title: t('govStaff.window.step.slip') },
        ]}
      />
      {slip ? (
        <Card className="zz-print-slip">
          <Result
            status="success"
            title={t('govStaff.window.submitted')}
            subTitle={t('govStaff.window.slipHint')}
            extra={[
              <Button key="print" icon={<PrinterOutlined />} onClick={() => window.print()}>
                {t('govStaff.window.print')}
              </Button>,
              <Button key="next" type="primary" onClick={reset} data-testid="services-window-next">
                {t('govStaff.window.next')}
              </Button>,
            ]}
          >
            <Descriptions
              bordered
              column={1}
              size={elderMode ? 'default' : 'small'}
              data-testid="services-window-slip"
            >
              <Descriptions.Item label={t('govStaff.slip.number')}>
                <Typography.Text
                  className="zz-mono"
                  strong
                  copyable
                  data-testid="services-window-slip-number"
                >
                  {slip.number}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('govStaff.slip.password')}>
                <Typography.Text className="zz-mono" strong data-testid="services-window-slip-password">
                  {slip.queryPassword}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('govStaff.slip.applicant')}>{applicant?.name}</Descriptions.Item>
              <Descriptions.Item label={t('govStaff.slip.matters')}>
                {draft?.plan.matters.map((m) => localName(m.name.zh, m.name.en)).join('、')}
              </Descriptions.Item>
              <Descriptions.Item label={t('govStaff.slip.track')}>
                {t('govStaff.slip.trackHint')}
              </Descriptions.Item>
            </Descriptions>
          </Result>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={elderMode ? 24 : 9}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <ApplicantLookup
                onFound={(found) => {
                  setApplicant(found);
                  setDraft(null);
                }}
              />
              {applicant && (
                <Card title={t('govStaff.window.step.matter')} size="small">
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <span>{t('govStaff.window.division')}</span>
                      <DivisionPicker
                        depth="town"
                        value={divisionCode}
                        onChange={setDivisionCode}
                        style={{ minWidth: 240 }}
                        aria-label={t('govStaff.window.division')}
                      />
                    </Space>
                    {divisionCode && (
                      <TargetPicker
                        divisionCode={divisionCode}
                        applicantKind={applicant.kind}
                        value={target}
                        onChange={setTarget}
                      />
                    )}
                    <Button
                      type="primary"
                      icon={<FileAddOutlined />}
                      disabled={!target || !divisionCode || Boolean(draft)}
                      loading={pending && !draft}
                      onClick={() => void create()}
                      data-testid="services-window-create"
                    >
                      {t('govStaff.window.create')}
                    </Button>
                  </Space>
                </Card>
              )}
            </Space>
          </Col>
          <Col xs={24} xl={elderMode ? 24 : 15}>
            {draft ? (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card title={t('govStaff.window.form')} size="small" data-testid="services-window-draft">
                  <ServiceForm
                    form={form}
                    fields={draft.plan.form}
                    sources={draft.application.sources}
                    matterName={draft.plan.matters.length > 1 ? matterName : undefined}
                  />
                  {draft.plan.matters.some((m) => m.commitment) && (
                    <Checkbox.Group
                      value={commitments}
                      onChange={(values) => setCommitments(values as string[])}
                      data-testid="services-window-commitments"
                    >
                      <Space orientation="vertical">
                        {draft.plan.matters
                          .filter((m) => m.commitment)
                          .map((m) => (
                            <Checkbox key={m.code} value={m.code}>
                              {t('govStaff.window.commit', { name: localName(m.name.zh, m.name.en) })}
                            </Checkbox>
                          ))}
                      </Space>
                    </Checkbox.Group>
                  )}
                </Card>
                <Card title={t('govStaff.window.materials')} size="small">
                  <MaterialsPanel
                    application={draft.application}
                    materials={draft.plan.materials}
                    editable
                    matterName={draft.plan.matters.length > 1 ? matterName : undefined}
                    onChanged={(application) => setDraft({ ...draft, application })}
                  />
                </Card>
                {draft.application.feesFen > 0 && (
                  <Alert
                    type="info"
                    title={t('govStaff.window.fees', { yuan: (draft.application.feesFen / 100).toFixed(2) })}
                  />
                )}
                <Space wrap>
                  <Button
                    icon={<SaveOutlined />}
                    loading={pending}
                    onClick={() => void run(save, { form, success: t('govStaff.window.saved') })}
                    data-testid="services-window-save"
                  >
                    {t('govStaff.window.save')}
                  </Button>
                  <Button
                    type="primary"
                    icon={<SendOutlined />}
                    loading={pending}
                    onClick={() => void submit()}
                    data-testid="services-window-submit"
                  >
                    {t('govStaff.window.submit')}
                  </Button>
                </Space>
              </Space>
            ) : (
              <Card>
                <Typography.Text type="secondary">{t('govStaff.window.choose')}</Typography.Text>
              </Card>
            )}
          </Col>
        </Row>
      )}
    </Space>
  );
}
