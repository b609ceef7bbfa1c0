import type { Problem } from '@zhizhi/api-client';
import { App, Button, Form, Input, InputNumber, Radio, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import type { MessageKey } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import { ChecklistFields } from './checklist-fields';
import { ProblemAlert, useFieldMessage, useRegProblem } from './labels';
import { type Location, LocationField } from './location-field';
import { PhotoCapture } from './photo-capture';
import { flattenChecklist, isRecordField, recordFieldOf } from './record-paths';
import { recordVisit } from './regulation-api';
import { SignaturePad } from './signature-pad';
import type { InspectionView, PointAnswer } from './types';

interface RecordValues {
  checklist?: Record<string, Record<string, PointAnswer>>;
  result?: 'pass' | 'fail';
  findings?: string;
  photos?: string[];
  location?: Location;
  signatureInspector?: string;
  signatureRepresentative?: string;
  rectificationDays?: number;
}

/** 登记检查结果: the checklist, result, findings, photos, GPS and both signatures, on the spot. */
export function RecordForm({ view, onDone }: { view: InspectionView; onDone: () => void }) {
  const t = useT();
  const name = useLocalName();
  const { message } = App.useApp();
  const describe = useRegProblem();
  const fieldMessage = useFieldMessage();
  const [form] = Form.useForm<RecordValues>();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ problem: Problem; text: string } | null>(null);
  const checklist = Form.useWatch('checklist', form);
  const result = Form.useWatch('result', form);
  const hasProblem = Object.values(flattenChecklist(checklist)).includes('problem');

  // A point with a problem means the result is 发现问题.
  useEffect(() => {
    if (hasProblem && form.getFieldValue('result') !== 'fail') form.setFieldValue('result', 'fail');
  }, [hasProblem, form]);

  const labelOf = (path: string) => {
    const [head, itemCode, pointCode] = path.split('.');
    if (head === 'checklist' && itemCode && pointCode) {
      const item = view.items.find((i) => i.code === itemCode);
      const point = item?.checklist.find((p) => p.code === pointCode);
      return item && point ? `${name(item.nameZh, item.nameEn)} · ${name(point.zh, point.en)}` : path;
    }
    const key = `regPublic.record.${head}` as MessageKey;
    return head && isRecordField(head) ? t(key) : path;
  };

  const submit = async (values: RecordValues) => {
    if (!view.case) return;
    setPending(true);
    setFailure(null);
    try {
      const fail = values.result === 'fail';
      await recordVisit(view.inspection.id, {
        expectedVersion: view.case.version,
        result: values.result ?? 'pass',
        checklist: flattenChecklist(values.checklist),
        ...(values.findings?.trim() ? { findings: values.findings.trim() } : {}),
        ...(values.photos?.length ? { photos: values.photos } : {}),
        location: values.location as Location,
        signatures: [values.signatureInspector, values.signatureRepresentative].filter(
          (id): id is string => !!id,
        ),
        ...(fail ? { rectificationDays: values.rectificationDays } : {}),
      });
      void message.success(t(fail ? 'regPublic.record.doneFail' : 'regPublic.record.donePass'));
      onDone();
    } catch (error) {
      const described = describe(error);
      setFailure(described);
      const fields = (described.problem.errors ?? []).flatMap((e) => {
        const field = recordFieldOf(e.path);
        return field ? [{ name: field as NamePath<RecordValues>, errors: [fieldMessage(e.message)] }] : [];
      });
      form.setFields(fields);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } finally {
      setPending(false);
    }
  };

  const required = (key: MessageKey) => [{ required: true, message: t(key) }];
  return (
    <Form<RecordValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      onFinishFailed={() => void message.warning(t('regPublic.record.incomplete'))}
      initialValues={{ result: 'pass', rectificationDays: 10, photos: [] }}
      data-testid="reg-record-form"
      scrollToFirstError
    >
      <ProblemAlert failure={failure} fieldLabel={labelOf} />
      <Typography.Title level={5}>{t('regPublic.record.checklist')}</Typography.Title>
      <ChecklistFields items={view.items} />
      <Form.Item
        name="result"
        label={t('regPublic.record.result')}
        extra={hasProblem ? t('regPublic.record.problemForcesFail') : undefined}
        rules={required('regPublic.record.resultRequired')}
      >
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="reg-result-choice">
          <Radio.Button value="pass" disabled={hasProblem}>
            {t('regPublic.result.pass')}
          </Radio.Button>
          <Radio.Button value="fail">{t('regPublic.result.fail')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('regPublic.record.findings')}
        rules={result === 'fail' ? required('regPublic.record.findingsRequired') : []}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="reg-findings" />
      </Form.Item>
      <Form.Item
        name="photos"
        label={t('regPublic.record.photos')}
        rules={
          result === 'fail'
            ? [{ required: true, type: 'array', min: 1, message: t('regPublic.record.photosRequired') }]
            : []
        }
      >
        <PhotoCapture client={api} />
      </Form.Item>
      {result === 'fail' && (
        <Form.Item
          name="rectificationDays"
          label={t('regPublic.record.rectificationDays')}
          extra={t('regPublic.record.rectificationHint')}
          rules={required('regPublic.record.rectificationRequired')}
        >
          <InputNumber
            min={1}
            max={60}
            precision={0}
            addonAfter={t('regPublic.record.workingDays')}
            data-testid="reg-rectification-days"
          />
        </Form.Item>
      )}
      <Form.Item
        name="location"
        label={t('regPublic.record.location')}
        rules={required('regPublic.record.locationRequired')}
      >
        <LocationField />
      </Form.Item>
      <Form.Item
        name="signatureInspector"
        label={t('regPublic.record.signatureInspector')}
        rules={required('regPublic.record.signatureRequired')}
      >
        <SignaturePad client={api} fileName="signature-inspector.png" testId="reg-signature-inspector" />
      </Form.Item>
      <Form.Item
        name="signatureRepresentative"
        label={t('regPublic.record.signatureRepresentative')}
        rules={required('regPublic.record.signatureRequired')}
      >
        <SignaturePad
          client={api}
          fileName="signature-representative.png"
          testId="reg-signature-representative"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={pending}
        data-testid="reg-record-submit"
      >
        {t('regPublic.record.submit')}
      </Button>
    </Form>
  );
}
