import { Alert, Form, List, Segmented, Select, Space, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { useLoad } from '../use-load';
import { type Bundle, call, type MatterSummary, type Plan } from './types';

export type Target =
  | { kind: 'matter'; matterCode: string }
  | { kind: 'bundle'; bundleCode: string; answers: Record<string, unknown> };

/** A time limit as 「5 个工作日」 / "5 working days". */
export function useLimitText() {
  const t = useT();
  return (limit: { value: number; unit: string }) =>
    limit.value === 0
      ? t('govStaff.limit.immediate')
      : t(`govStaff.limit.${limit.unit}` as 'govStaff.limit.days', { n: limit.value });
}

/**
 * 选择事项: one matter offered in the division, or a “one thing” bundle whose plain-language
 * answers decide which matters apply (the applicable matters are shown as the plan works them out).
 */
export function TargetPicker({
  divisionCode,
  applicantKind,
  value,
  onChange,
}: {
  divisionCode: string;
  applicantKind: 'citizen' | 'enterprise';
  value: Target | null;
  onChange: (target: Target | null) => void;
}) {
  const t = useT();
  const localName = useLocalName();
  const limitText = useLimitText();
  const [mode, setMode] = useState<'matter' | 'bundle'>(value?.kind ?? 'matter');
  const matters = useLoad(
    () =>
      call<{ items: MatterSummary[] }>(
        api.GET('/api/services/matters', { params: { query: { divisionCode } } }),
      ).then((body) => body.items),
    [divisionCode],
  );
  const bundles = useLoad(
    () => call<{ items: Bundle[] }>(api.GET('/api/services/bundles')).then((body) => body.items),
    [],
  );
  const types = applicantKind === 'citizen' ? ['person'] : ['enterprise', 'organisation'];
  const offered = (matters.data ?? []).filter(
    (m) => m.channels.includes('window') && m.applicantTypes.some((a) => types.includes(a)),
  );
  const bundle =
    value?.kind === 'bundle' ? bundles.data?.find((b) => b.code === value.bundleCode) : undefined;
  const answersKey = value?.kind === 'bundle' ? JSON.stringify(value.answers) : '';
  const plan = useLoad(
    () =>
      value?.kind === 'bundle'
        ? call<Plan>(
            api.POST('/api/services/bundles/{code}/plan', {
              params: { path: { code: value.bundleCode } },
              body: { answers: value.answers },
            }),
          )
        : Promise.resolve(null),
    [value?.kind === 'bundle' ? value.bundleCode : '', answersKey],
  );
  const matterOptions = useMemo(
    () =>
      offered.map((m) => ({
        value: m.code,
        label: `${localName(m.name.zh, m.name.en)}（${m.code}）`,
      })),
    [offered, localName],
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<'matter' | 'bundle'>
        value={mode}
        onChange={(next) => {
          setMode(next);
          onChange(null);
        }}
        options={[
          { value: 'matter', label: t('govStaff.window.oneMatter') },
          { value: 'bundle', label: t('govStaff.window.bundle') },
        ]}
        data-testid="services-window-mode"
      />
      {mode === 'matter' ? (
        <Select
          showSearch
          optionFilterProp="label"
          loading={matters.loading}
          style={{ width: '100%' }}
          placeholder={t('govStaff.window.pickMatter')}
          value={value?.kind === 'matter' ? value.matterCode : undefined}
          onChange={(code: string) => onChange({ kind: 'matter', matterCode: code })}
          options={matterOptions}
          data-testid="services-window-matter"
        />
      ) : (
        <Select
          style={{ width: '100%' }}
          loading={bundles.loading}
          placeholder={t('govStaff.window.pickBundle')}
          value={value?.kind === 'bundle' ? value.bundleCode : undefined}
          onChange={(code: string) => {
            const chosen = bundles.data?.find((b) => b.code === code);
            const answers: Record<string, unknown> = {};
            for (const q of chosen?.questions ?? []) if (q.type === 'boolean') answers[q.code] = false;
            onChange({ kind: 'bundle', bundleCode: code, answers });
          }}
          options={(bundles.data ?? []).map((b) => ({
            value: b.code,
            label: localName(b.name.zh, b.name.en),
          }))}
          data-testid="services-window-bundle"
        />
      )}
      {bundle && value?.kind === 'bundle' && (
        <Form layout="vertical" data-testid="services-window-questions">
          {bundle.questions.map((q) => (
            <Form.Item key={q.code} label={localName(q.text.zh, q.text.en)}>
              {q.type === 'boolean' ? (
                <Switch
                  checked={value.answers[q.code] === true}
                  onChange={(checked) =>
                    onChange({ ...value, answers: { ...value.answers, [q.code]: checked } })
                  }
                  data-testid={`services-window-answer-${q.code}`}
                />
              ) : (
                <Select
                  style={{ maxWidth: 360 }}
                  value={value.answers[q.code] as string | undefined}
                  onChange={(answer: string) =>
                    onChange({ ...value, answers: { ...value.answers, [q.code]: answer } })
                  }
                  options={(q.options ?? []).map((o) => ({
                    value: o.value,
                    label: localName(o.name.zh, o.name.en),
                  }))}
                  data-testid={`services-window-answer-${q.code}`}
                />
              )}
            </Form.Item>
          ))}
        </Form>
      )}
      {plan.data && (
        <List
          size="small"
          header={<Typography.Text strong>{t('govStaff.window.applicable')}</Typography.Text>}
          dataSource={plan.data.matters}
          data-testid="services-window-plan"
          renderItem={(m) => (
            <List.Item>
              <Space wrap>
                <span>{localName(m.name.zh, m.name.en)}</span>
                <Typography.Text type="secondary" className="zz-mono">
                  {m.code}
                </Typography.Text>
                <Tag>{limitText(m.promisedLimit)}</Tag>
                {m.commitment && <Tag color="purple">{t('govStaff.matter.commitment')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {mode === 'matter' && offered.length === 0 && !matters.loading && (
        <Alert type="info" title={t('govStaff.window.noneOffered')} />
      )}
    </Space>
  );
}
