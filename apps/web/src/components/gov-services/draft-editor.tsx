import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, App, Button, Card, Checkbox, Form, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { problemText } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { FormField, fieldAnchor, fieldErrorText, type Town } from './form-field';
import { MaterialSet, materialAnchor } from './material-set';
import { PlanSummary } from './plan-summary';
import { type DetailedError, loadMatter, problemDetails, saveDraft, submitApplication } from './portal-api';
import { yuan } from './portal-format';
import type { ApplicationView, SubmitResult } from './types';

type Values = Record<string, unknown>;

const empty = (value: unknown) => value === undefined || value === null || value === '';

/** What changed against the stored draft; a cleared value is sent as null. */
function changes(stored: Values, values: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (empty(value) && empty(stored[key])) continue;
    if (value !== stored[key]) out[key] = empty(value) ? null : value;
  }
  return out;
}

interface Failure {
  text: string;
  conflict?: boolean;
  fields?: DetailedError[];
  materials?: DetailedError[];
}

/**
 * A draft application: ONE form from the plan (pre-filled values with their sources), ONE material
 * set, the commitments to sign, save and submit.
 */
export function DraftEditor({
  view,
  towns,
  onChange,
  onSubmitted,
  reload,
}: {
  view: ApplicationView;
  towns: Town[];
  onChange: (view: ApplicationView) => void;
  onSubmitted: (result: SubmitResult) => void;
  reload: () => void;
}) {
  const t = useT();
  const name = useLocalName();
  const { locale } = usePreferences();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { application, plan } = view;
  const [commitments, setCommitments] = useState<string[]>(() => Object.keys(application.commitments));
  const [guides, setGuides] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<'save' | 'submit'>();
  const [failure, setFailure] = useState<Failure>();
  const committable = plan.matters.filter((m) => m.commitment);
  const matterName = useMemo(
    () => new Map(plan.matters.map((m) => [m.code, name(m.name.zh, m.name.en)])),
    [plan.matters, name],
  );

  // The commitment text is the matter's guide.
  const committableCodes = committable.map((m) => m.code).join(',');
  useEffect(() => {
    if (!committableCodes) return;
    let current = true;
    Promise.all(committableCodes.split(',').map((code) => loadMatter(code)))
      .then((found) => {
        if (current)
          setGuides(
            Object.fromEntries(
              found.map(({ matter }) => [matter.code, name(matter.guide.zh, matter.guide.en)]),
            ),
          );
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [committableCodes, name]);

  const fail = (error: unknown) => {
    const { code, errors } = problemDetails(error);
    const text = problemText(locale, problemOf(error)) ?? t('error.unknown');
    if (code === 'services.application.version_conflict')
      setFailure({ text: t('portal.apply.conflict'), conflict: true });
    else if (code === 'services.form.invalid') {
      form.setFields(errors.map((e) => ({ name: e.path, errors: [fieldErrorText(locale, e)] })));
      setFailure({ text: t('portal.apply.formInvalid'), fields: errors });
    } else if (code === 'services.materials.missing')
      setFailure({ text: t('portal.apply.materialsMissing'), materials: errors });
    else setFailure({ text });
  };

  const save = async (quiet: boolean) => {
    const body = {
      form: changes(application.form, form.getFieldsValue(true)),
      commitments,
      expectedVersion: application.version,
    };
    const next = await saveDraft(application.id, body);
    onChange(next);
    if (!quiet) void message.success(t('portal.apply.saved'));
    return next;
  };

  const run = async (kind: 'save' | 'submit') => {
    setPending(kind);
    setFailure(undefined);
    try {
      await save(kind === 'submit');
      if (kind === 'submit') onSubmitted(await submitApplication(application.id));
    } catch (error) {
      fail(error);
    } finally {
      setPending(undefined);
    }
  };

  const missing = new Set(failure?.materials?.map((m) => m.path));
  const materialName = new Map(plan.materials.map((m) => [m.key, name(m.name.zh, m.name.en)]));
  const fieldName = new Map(plan.form.map((f) => [f.code, name(f.name.zh, f.name.en)]));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="portal-draft">
      <PlanSummary plan={plan} />
      <Card title={t('portal.apply.formTitle', { n: plan.form.length })}>
        <Typography.Paragraph type="secondary">{t('portal.apply.formIntro')}</Typography.Paragraph>
        <Form form={form} name="portal-application" layout="vertical" initialValues={application.form}>
          {plan.form.map((field) => (
            <FormField
              key={field.code}
              field={field}
              source={application.sources[field.code]}
              towns={towns}
              matterNames={field.matters.map((code) => matterName.get(code) ?? code).join('、')}
            />
          ))}
        </Form>
      </Card>
      <Card title={t('portal.apply.materialsTitle', { n: plan.materials.length })}>
        <MaterialSet
          application={application}
          materials={plan.materials}
          mode="draft"
          missing={missing}
          onChange={(next) => onChange({ ...view, application: next })}
        />
      </Card>
      {committable.length > 0 && (
        <Card title={t('portal.apply.commitTitle')}>
          <Typography.Paragraph>{t('portal.apply.commitIntro')}</Typography.Paragraph>
          {committable.map((matter) => (
            <Card
              key={matter.code}
              size="small"
              style={{ marginBottom: 12 }}
              title={matterName.get(matter.code)}
            >
              {guides[matter.code] && <Typography.Paragraph>{guides[matter.code]}</Typography.Paragraph>}
              <Checkbox
                data-testid={`portal-commit-${matter.code}`}
                checked={commitments.includes(matter.code)}
                onChange={(event) =>
                  setCommitments((list) =>
                    event.target.checked ? [...list, matter.code] : list.filter((c) => c !== matter.code),
                  )
                }
              >
                {t('portal.apply.commitSign')}
              </Checkbox>
            </Card>
          ))}
        </Card>
      )}
      {application.feesFen > 0 && (
        <Alert type="info" showIcon title={t('portal.apply.fees', { yuan: yuan(application.feesFen) })} />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="portal-apply-error"
          title={failure.text}
          action={
            failure.conflict ? (
              <Button onClick={reload} data-testid="portal-reload">
                {t('portal.apply.reload')}
              </Button>
            ) : undefined
          }
          description={
            (failure.fields?.length || failure.materials?.length) && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {failure.fields?.map((e) => (
                  <li key={`f-${e.path}`} data-testid={`portal-error-field-${e.path}`}>
                    <a href={`#${fieldAnchor(e.path)}`}>{fieldName.get(e.path) ?? e.path}</a>
                    {'：'}
                    {fieldErrorText(locale, e)}
                  </li>
                ))}
                {failure.materials?.map((e) => (
                  <li key={`m-${e.path}`} data-testid={`portal-error-material-${e.path}`}>
                    <a href={`#${materialAnchor(e.path)}`}>{materialName.get(e.path) ?? e.path}</a>
                    {'：'}
                    {t('portal.material.missing')}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Space wrap>
        <Button
          icon={<SaveOutlined />}
          size="large"
          loading={pending === 'save'}
          disabled={pending === 'submit'}
          onClick={() => run('save')}
          data-testid="portal-save"
        >
          {t('portal.apply.save')}
        </Button>
        <Button
          type="primary"
          size="large"
          icon={<SendOutlined />}
          loading={pending === 'submit'}
          disabled={pending === 'save'}
          onClick={() => run('submit')}
          data-testid="portal-submit"
        >
          {t('portal.apply.submit')}
        </Button>
      </Space>
    </Space>
  );
}
