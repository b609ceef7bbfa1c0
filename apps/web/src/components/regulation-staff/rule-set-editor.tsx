import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useProblemNotifier } from '../use-action';
import { type CreditRule, call, RECORD_SOURCES, type RuleSet } from './types';

type Draft = Omit<RuleSet, 'version' | 'appliesTo'>;
type PathErrors = Record<string, string[]>;
type Row = CreditRule & { key: number };

const blankRule = (n: number): CreditRule => ({
  code: `rule.${n}`,
  description: { zh: '', en: '' },
  when: 'stats.penalties12m >= 1',
  points: -10,
  sources: [],
  withinMonths: null,
  cap: null,
});

/** Errors at a path and below it (`rules.2` shows `rules.2.code` too). */
const errorsAt = (errors: PathErrors, path: string) =>
  Object.entries(errors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages);

function FieldError({ errors, path }: { errors: PathErrors; path: string }) {
  const messages = errors[path];
  if (!messages?.length) return null;
  return (
    <Typography.Text
      type="danger"
      style={{ display: 'block', whiteSpace: 'pre-wrap' }}
      data-testid="reg-rule-error"
      data-path={path}
    >
      {messages.join('；')}
    </Typography.Text>
  );
}

/**
 * Edits a rule set as a table (one CEL `when` per rule), with thresholds; saves a new version and
 * shows the server's errors next to the field they name (`rules.2.when`, with line and column).
 */
export function RuleSetEditor({
  ruleSet,
  onSaved,
  onCancel,
}: {
  ruleSet: RuleSet;
  onSaved: (saved: { code: string; version: number }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const notify = useProblemNotifier();
  const { elderMode } = usePreferences();
  const [draft, setDraft] = useState<Draft>(() => {
    const { version: _v, appliesTo: _a, ...definition } = ruleSet;
    return structuredClone(definition);
  });
  const [keys, setKeys] = useState(() => ruleSet.rules.map((_, i) => i));
  const [nextKey, setNextKey] = useState(ruleSet.rules.length);
  const [errors, setErrors] = useState<PathErrors>({});
  const [saving, setSaving] = useState(false);

  const setRule = (index: number, patch: Partial<CreditRule>) =>
    setDraft((d) => ({ ...d, rules: d.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  const addRule = () => {
    setDraft((d) => ({ ...d, rules: [...d.rules, blankRule(d.rules.length + 1)] }));
    setKeys((k) => [...k, nextKey]);
    setNextKey((n) => n + 1);
    setErrors({});
  };
  const removeRule = (index: number) => {
    setDraft((d) => ({ ...d, rules: d.rules.filter((_, i) => i !== index) }));
    setKeys((k) => k.filter((_, i) => i !== index));
    setErrors({}); // paths name positions; they no longer match
  };

  const save = async () => {
    setSaving(true);
    try {
      const saved = await call(
        api.PUT('/api/regulation/rule-sets/{code}', {
          params: { path: { code: ruleSet.code } },
          body: { definition: draft as unknown as Record<string, unknown> },
        }),
      );
      setErrors({});
      onSaved(saved);
    } catch (error) {
      const problem = problemOf(error);
      const byPath: PathErrors = {};
      for (const e of problem.errors ?? []) byPath[e.path] = [...(byPath[e.path] ?? []), e.message];
      setErrors(byPath);
      if (!problem.errors?.length) notify(error);
    } finally {
      setSaving(false);
    }
  };

  const rows: Row[] = draft.rules.map((r, i) => ({ ...r, key: keys[i] ?? i }));
  const allErrors = Object.entries(errors);
  const ruleError = (i: number, field: string) => <FieldError errors={errors} path={`rules.${i}.${field}`} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reg-rule-editor">
      {allErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('regStaff.rules.invalid', { count: allErrors.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="reg-rule-errors">
              {allErrors.map(([path, messages]) => (
                <li key={path}>
                  <span className="zz-mono">{path}</span>：{messages.join('；')}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form layout={elderMode ? 'vertical' : 'inline'}>
        <Form.Item label={t('regStaff.rules.nameZh')}>
          <Input
            style={{ width: 320 }}
            value={draft.name.zh}
            onChange={(e) => setDraft({ ...draft, name: { ...draft.name, zh: e.target.value } })}
          />
          <FieldError errors={errors} path="name.zh" />
        </Form.Item>
        <Form.Item label={t('regStaff.rules.nameEn')}>
          <Input
            style={{ width: 320 }}
            value={draft.name.en}
            onChange={(e) => setDraft({ ...draft, name: { ...draft.name, en: e.target.value } })}
          />
          <FieldError errors={errors} path="name.en" />
        </Form.Item>
        <Form.Item label={t('regStaff.rules.baseScore')}>
          <InputNumber
            min={0}
            max={100}
            precision={0}
            value={draft.baseScore}
            onChange={(v) => setDraft({ ...draft, baseScore: v ?? 0 })}
          />
          <FieldError errors={errors} path="baseScore" />
        </Form.Item>
        {(['A', 'B', 'C'] as const).map((c) => (
          <Form.Item key={c} label={t('regStaff.rules.threshold', { class: c })}>
            <InputNumber
              min={1}
              max={100}
              precision={0}
              value={draft.classes[c]}
              onChange={(v) => setDraft({ ...draft, classes: { ...draft.classes, [c]: v ?? 0 } })}
              data-testid={`reg-threshold-${c}`}
            />
            <FieldError errors={errors} path={`classes.${c}`} />
          </Form.Item>
        ))}
      </Form>
      <FieldError errors={errors} path="classes" />
      <FieldError errors={errors} path="rules" />
      <Table<Row>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="reg-rule-editor-table"
        rowClassName={(_, i) => (errorsAt(errors, `rules.${i}`).length ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('regStaff.rules.code'),
            key: 'code',
            width: 180,
            render: (_, r, i) => (
              <>
                <Input
                  value={r.code}
                  className="zz-mono"
                  onChange={(e) => setRule(i, { code: e.target.value })}
                />
                {ruleError(i, 'code')}
              </>
            ),
          },
          {
            title: t('regStaff.rules.description'),
            key: 'description',
            width: 240,
            render: (_, r, i) => (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Input
                  value={r.description.zh}
                  prefix={t('regStaff.rules.zh')}
                  aria-label={t('regStaff.rules.zh')}
                  onChange={(e) => setRule(i, { description: { ...r.description, zh: e.target.value } })}
                />
                <Input
                  value={r.description.en}
                  prefix={t('regStaff.rules.en')}
                  aria-label={t('regStaff.rules.en')}
                  onChange={(e) => setRule(i, { description: { ...r.description, en: e.target.value } })}
                />
                {ruleError(i, 'description.zh')}
                {ruleError(i, 'description.en')}
              </Space>
            ),
          },
          {
            title: t('regStaff.rules.when'),
            key: 'when',
            width: elderMode ? 420 : 340,
            render: (_, r, i) => (
              <>
                <Input.TextArea
                  value={r.when}
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  className="zz-mono"
                  status={errors[`rules.${i}.when`] ? 'error' : undefined}
                  onChange={(e) => setRule(i, { when: e.target.value })}
                  data-testid={`reg-rule-when-${i}`}
                />
                {ruleError(i, 'when')}
              </>
            ),
          },
          {
            title: t('regStaff.rules.points'),
            key: 'points',
            render: (_, r, i) => (
              <>
                <InputNumber
                  min={-100}
                  max={100}
                  precision={0}
                  value={r.points}
                  onChange={(v) => setRule(i, { points: v ?? 0 })}
                />
                {ruleError(i, 'points')}
              </>
            ),
          },
          {
            title: t('regStaff.rules.cap'),
            key: 'cap',
            render: (_, r, i) => (
              <Select<'B' | 'C' | 'D' | ''>
                style={{ width: 90 }}
                value={r.cap ?? ''}
                onChange={(v) => setRule(i, { cap: v || null })}
                options={[
                  { value: '', label: t('common.none') },
                  ...(['B', 'C', 'D'] as const).map((c) => ({ value: c, label: c })),
                ]}
              />
            ),
          },
          {
            title: t('regStaff.rules.sources'),
            key: 'sources',
            render: (_, r, i) => (
              <>
                <Select
                  mode="multiple"
                  style={{ minWidth: 180 }}
                  value={r.sources}
                  onChange={(v) => setRule(i, { sources: v })}
                  options={RECORD_SOURCES.map((s) => ({ value: s, label: t(`regStaff.source.${s}`) }))}
                />
                {ruleError(i, 'sources')}
              </>
            ),
          },
          {
            title: t('regStaff.rules.withinMonths'),
            key: 'withinMonths',
            render: (_, r, i) => (
              <>
                <InputNumber
                  min={1}
                  max={120}
                  precision={0}
                  value={r.withinMonths}
                  onChange={(v) => setRule(i, { withinMonths: v ?? null })}
                />
                {ruleError(i, 'withinMonths')}
              </>
            ),
          },
          {
            title: t('common.actions'),
            key: 'remove',
            render: (_, _r, i) => (
              <Button
                danger
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('common.remove')}
                disabled={draft.rules.length <= 1}
                onClick={() => removeRule(i)}
              />
            ),
          },
        ]}
      />
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={addRule} data-testid="reg-rule-add">
          {t('regStaff.rules.addRule')}
        </Button>
        <Button type="primary" loading={saving} onClick={save} data-testid="reg-rule-save">
          {t('regStaff.rules.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
      <Typography.Text type="secondary">{t('regStaff.rules.celHelp')}</Typography.Text>
    </Space>
  );
}
