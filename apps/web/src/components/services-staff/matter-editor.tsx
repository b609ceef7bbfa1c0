import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { applyFieldErrors, useProblemNotifier } from '../use-action';
import {
  APPLICANT_TYPES,
  CHANNELS,
  call,
  type DictionaryEntry,
  LIMIT_UNITS,
  type Matter,
  UPLOAD_TYPES,
} from './types';

type Problem = { path: string; message: string };

/** A new matter's starting values (offered district-wide at the window and online). */
export function blankMatter(divisionCode: string): Matter {
  return {
    code: '',
    version: 1,
    name: { zh: '', en: '' },
    departmentCode: '',
    divisionCodes: [divisionCode],
    legalLimit: { value: 20, unit: 'working_days' },
    promisedLimit: { value: 5, unit: 'working_days' },
    kind: 'promised',
    visits: 0,
    applicantTypes: ['person'],
    channels: ['window', 'web', 'mobile'],
    fields: [],
    materials: [],
    fees: [],
    guide: { zh: '', en: '' },
    commitment: false,
  };
}

export interface MatterEditorProps {
  matter: Matter | null;
  isNew: boolean;
  dictionary: DictionaryEntry[];
  departments: { value: string; label: string }[];
  canManage: boolean;
  onClose: () => void;
  onPublished: () => void;
}

/**
 * 事项编辑: guide, limits, kind, visits, channels, applicant types, commitment, fees, form fields
 * picked from the dictionary and materials; publishing stores a new version only when it changed.
 */
export function MatterEditor({
  matter,
  isNew,
  dictionary,
  departments,
  canManage,
  onClose,
  onPublished,
}: MatterEditorProps) {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const { message } = App.useApp();
  const notify = useProblemNotifier();
  const [form] = Form.useForm<Matter>();
  const [pending, setPending] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<string | null>(null);

  useEffect(() => {
    form.resetFields();
    if (matter) form.setFieldsValue(matter);
    setProblems([]);
    setOutcome(null);
  }, [matter, form]);

  const certificateTypes = [
    ...new Set(dictionary.flatMap((e) => (e.supply?.certificate ? [e.supply.certificate.type] : []))),
  ].sort();

  const publish = async () => {
    if (!matter) return;
    setProblems([]);
    setOutcome(null);
    setPending(true);
    try {
      await form.validateFields();
      // Every value, also those the form does not show (copies, rules), as the matter holds them.
      const values = form.getFieldsValue(true) as Matter;
      const body = { ...matter, ...values, version: matter.version };
      const result = await call<{ matter: Matter; published: boolean }>(
        api.POST('/api/services/catalogue/matters', { body }),
      );
      const text = result.published
        ? t('govStaff.editor.published', { version: result.matter.version })
        : t('govStaff.editor.unchanged');
      setOutcome(text);
      void message.success(text);
      onPublished();
    } catch (error) {
      if (error && typeof error === 'object' && 'errorFields' in error) return;
      const problem = notify(error);
      setProblems((problem.errors ?? []).map((e) => ({ path: e.path, message: e.message })));
      applyFieldErrors(form, problemOf(error));
    } finally {
      setPending(false);
    }
  };

  const fieldOptions = dictionary.map((e) => ({
    value: e.code,
    label: `${localName(e.name.zh, e.name.en)}（${e.code}）`,
  }));
  const limit = (name: 'legalLimit' | 'promisedLimit', label: string) => (
    <Form.Item label={label} required>
      <Space.Compact>
        <Form.Item
          name={[name, 'value']}
          noStyle
          rules={[{ required: true, message: t('govStaff.form.required') }]}
        >
          <InputNumber min={0} max={3650} precision={0} data-testid={`services-editor-${name}`} />
        </Form.Item>
        <Form.Item name={[name, 'unit']} noStyle>
          <Select
            style={{ width: 120 }}
            options={LIMIT_UNITS.map((u) => ({ value: u, label: t(`govStaff.unit.${u}`) }))}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
  const required = [{ required: true, message: t('govStaff.form.required') }];

  return (
    <Drawer
      open={matter !== null}
      onClose={onClose}
      size={elderMode ? 'min(1100px, 100vw)' : 'min(860px, 100vw)'}
      title={isNew ? t('govStaff.editor.new') : t('govStaff.editor.title', { code: matter?.code ?? '' })}
      data-testid="services-matter-editor"
      extra={
        canManage && (
          <Button
            type="primary"
            loading={pending}
            onClick={() => void publish()}
            data-testid="services-matter-publish"
          >
            {t('govStaff.editor.publish')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {outcome && <Alert type="success" showIcon title={outcome} data-testid="services-matter-outcome" />}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('govStaff.editor.problems')}
            data-testid="services-matter-problems"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={`${p.path}:${p.message}`}>
                    <span className="zz-mono">{p.path}</span>：{p.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Form form={form} layout="vertical" disabled={!canManage}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item
                name="code"
                label={t('govStaff.matter.code')}
                rules={required}
                extra={t('govStaff.editor.codeHint')}
              >
                <Input disabled={!isNew} data-testid="services-editor-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="departmentCode" label={t('govStaff.matter.department')} rules={required}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={departments}
                  data-testid="services-editor-department"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['name', 'zh']} label={t('govStaff.editor.nameZh')} rules={required}>
                <Input maxLength={200} data-testid="services-editor-name-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['name', 'en']} label={t('govStaff.editor.nameEn')} rules={required}>
                <Input maxLength={300} data-testid="services-editor-name-en" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {limit('legalLimit', t('govStaff.matter.legalLimit'))}
            </Col>
            <Col xs={24} md={12}>
              {limit('promisedLimit', t('govStaff.matter.promisedLimit'))}
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('govStaff.matter.kind')}>
                <Radio.Group
                  options={(['immediate', 'promised'] as const).map((k) => ({
                    value: k,
                    label: t(`govStaff.matter.kind.${k}`),
                  }))}
                  data-testid="services-editor-kind"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="visits" label={t('govStaff.matter.visits')}>
                <Radio.Group options={[0, 1].map((v) => ({ value: v, label: String(v) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="commitment" label={t('govStaff.matter.commitment')} valuePropName="checked">
                <Switch data-testid="services-editor-commitment" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="channels" label={t('govStaff.matter.channels')} rules={required}>
                <Checkbox.Group
                  options={CHANNELS.map((c) => ({ value: c, label: t(`govStaff.channel.${c}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="applicantTypes" label={t('govStaff.matter.applicantTypes')} rules={required}>
                <Checkbox.Group
                  options={APPLICANT_TYPES.map((c) => ({
                    value: c,
                    label: t(`govStaff.applicantType.${c}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="divisionCodes" label={t('govStaff.matter.divisions')} rules={required}>
                <Select mode="tags" tokenSeparators={[',', ' ']} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['guide', 'zh']} label={t('govStaff.editor.guideZh')} rules={required}>
                <Input.TextArea rows={4} data-testid="services-editor-guide-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['guide', 'en']} label={t('govStaff.editor.guideEn')} rules={required}>
                <Input.TextArea rows={4} />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('govStaff.editor.fields')}</Divider>
          <Form.List name="fields">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="services-editor-fields">
                {items.map((item) => (
                  <Space key={item.key} align="baseline" wrap>
                    <Form.Item
                      name={[item.name, 'field']}
                      rules={required}
                      style={{ minWidth: 320, marginBottom: 8 }}
                    >
                      <Select
                        showSearch
                        optionFilterProp="label"
                        options={fieldOptions}
                        placeholder={t('govStaff.editor.pickField')}
                        data-testid={`services-editor-field-${item.name}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'required']}
                      valuePropName="checked"
                      style={{ marginBottom: 8 }}
                    >
                      <Switch
                        checkedChildren={t('govStaff.editor.required')}
                        unCheckedChildren={t('govStaff.editor.optional')}
                        data-testid={`services-editor-field-required-${item.name}`}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(item.name)}
                      aria-label={t('govStaff.editor.remove')}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ field: undefined, required: true })}
                  data-testid="services-editor-add-field"
                >
                  {t('govStaff.editor.addField')}
                </Button>
              </Space>
            )}
          </Form.List>

          <Divider titlePlacement="start">{t('govStaff.editor.materials')}</Divider>
          <Form.List name="materials">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="services-editor-materials">
                {items.map((item) => (
                  <MaterialRow
                    key={item.key}
                    name={item.name}
                    certificateTypes={certificateTypes}
                    onRemove={() => remove(item.name)}
                  />
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      code: '',
                      name: { zh: '', en: '' },
                      required: true,
                      copies: 1,
                      source: { kind: 'upload', accept: ['application/pdf'] },
                    })
                  }
                  data-testid="services-editor-add-material"
                >
                  {t('govStaff.editor.addMaterial')}
                </Button>
              </Space>
            )}
          </Form.List>

          <Divider titlePlacement="start">{t('govStaff.editor.fees')}</Divider>
          <Form.List name="fees">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map((item) => (
                  <Space key={item.key} align="baseline" wrap>
                    <Form.Item name={[item.name, 'name', 'zh']} rules={required} style={{ marginBottom: 8 }}>
                      <Input placeholder={t('govStaff.editor.nameZh')} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'name', 'en']} rules={required} style={{ marginBottom: 8 }}>
                      <Input placeholder={t('govStaff.editor.nameEn')} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'amountYuan']} rules={required} style={{ marginBottom: 8 }}>
                      <InputNumber min={0} suffix={t('govStaff.editor.yuan')} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'basis']} style={{ marginBottom: 8 }}>
                      <Input placeholder={t('govStaff.editor.feeBasis')} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(item.name)}
                      aria-label={t('govStaff.editor.remove')}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: { zh: '', en: '' }, amountYuan: 0, basis: '' })}
                >
                  {t('govStaff.editor.addFee')}
                </Button>
              </Space>
            )}
          </Form.List>
          {!canManage && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              {t('govStaff.editor.readOnly')}
            </Typography.Paragraph>
          )}
        </Form>
      </Space>
    </Drawer>
  );
}

/** One material: code, names, required, and where it comes from (an upload of accepted types or an e-certificate). */
function MaterialRow({
  name,
  certificateTypes,
  onRemove,
}: {
  name: number;
  certificateTypes: string[];
  onRemove: () => void;
}) {
  const t = useT();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['materials', name, 'source', 'kind'], form) as
    | 'upload'
    | 'certificate'
    | undefined;
  const required = [{ required: true, message: t('govStaff.form.required') }];
  return (
    <Space
      align="baseline"
      wrap
      data-testid={`services-editor-material-${name}`}
      style={{ borderBottom: '1px dashed #eee', paddingBottom: 8 }}
    >
      <Form.Item name={[name, 'code']} rules={required} style={{ marginBottom: 8 }}>
        <Input placeholder={t('govStaff.editor.materialCode')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={[name, 'name', 'zh']} rules={required} style={{ marginBottom: 8 }}>
        <Input placeholder={t('govStaff.editor.nameZh')} />
      </Form.Item>
      <Form.Item name={[name, 'name', 'en']} rules={required} style={{ marginBottom: 8 }}>
        <Input placeholder={t('govStaff.editor.nameEn')} />
      </Form.Item>
      <Form.Item name={[name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
        <Switch
          checkedChildren={t('govStaff.editor.required')}
          unCheckedChildren={t('govStaff.editor.optional')}
        />
      </Form.Item>
      <Form.Item name={[name, 'source', 'kind']} style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 140 }}
          options={[
            { value: 'upload', label: t('govStaff.editor.sourceUpload') },
            { value: 'certificate', label: t('govStaff.editor.sourceCertificate') },
          ]}
        />
      </Form.Item>
      {kind === 'certificate' ? (
        <Form.Item name={[name, 'source', 'certificateType']} rules={required} style={{ marginBottom: 8 }}>
          <Select
            showSearch
            style={{ width: 220 }}
            placeholder={t('govStaff.editor.certificateType')}
            options={certificateTypes.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name={[name, 'source', 'accept']} rules={required} style={{ marginBottom: 8 }}>
          <Select
            mode="multiple"
            style={{ minWidth: 240 }}
            placeholder={t('govStaff.editor.accept')}
            options={UPLOAD_TYPES.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
      )}
      <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('govStaff.editor.remove')} />
    </Space>
  );
}
