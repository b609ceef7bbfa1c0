import { NETWORK_ERROR_CODE, type Problem, problemOf } from '@zhizhi/api-client';
import { Alert, Tag } from 'antd';
import { useCallback } from 'react';
import { hasMessage, type MessageKey, problemText, translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import type { CreditClass, InspectionStatus } from './types';

const CLASS_COLORS: Record<CreditClass, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
const STATUS_COLORS: Record<InspectionStatus, string> = {
  assigned: 'processing',
  rectifying: 'warning',
  reinspecting: 'gold',
  to_publish: 'cyan',
  published: 'success',
};

/** A credit class with its name: A 信用风险低 … D 信用风险高. */
export function CreditClassTag({ value, large }: { value: CreditClass | null; large?: boolean }) {
  const t = useT();
  const style = large
    ? { fontSize: '1.15em', padding: '4px 12px', whiteSpace: 'normal' as const, maxWidth: '100%' }
    : undefined;
  if (!value)
    return (
      <Tag style={style} data-testid="reg-credit-class" data-class="">
        {t('regPublic.credit.unrated')}
      </Tag>
    );
  return (
    <Tag color={CLASS_COLORS[value]} style={style} data-testid="reg-credit-class" data-class={value}>
      {value} · {t(`regPublic.credit.class.${value}` as MessageKey)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: InspectionStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="reg-status" data-status={status}>
      {t(`regPublic.status.${status}` as MessageKey)}
    </Tag>
  );
}

/** 未发现问题 / 发现问题, with what followed a failure (rectified, referred). */
export function ResultTag({
  result,
  rectified,
  referred,
}: {
  result: 'pass' | 'fail' | null;
  rectified?: boolean;
  referred?: boolean;
}) {
  const t = useT();
  if (!result) return <Tag>{t('regPublic.result.none')}</Tag>;
  if (result === 'pass')
    return (
      <Tag color="success" data-testid="reg-result" data-result="pass">
        {t('regPublic.result.pass')}
      </Tag>
    );
  return (
    <span data-testid="reg-result" data-result="fail">
      <Tag color="error">{t('regPublic.result.fail')}</Tag>
      {rectified && <Tag color="success">{t('regPublic.result.rectified')}</Tag>}
      {referred && <Tag color="volcano">{t('regPublic.result.referred')}</Tag>}
    </span>
  );
}

/** Translates a problem: our own text for regulation codes, else the portal's, else the detail. */
export function useRegProblem(): (error: unknown) => { problem: Problem; text: string } {
  const t = useT();
  const { locale } = usePreferences();
  return useCallback(
    (error: unknown) => {
      const problem = problemOf(error);
      const own = `regPublic.problem.${problem.code}`;
      const text =
        problem.code === NETWORK_ERROR_CODE
          ? t('error.network')
          : hasMessage(own)
            ? translate(locale, own)
            : (problemText(locale, problem) ?? t('error.unknown'));
      return { problem, text };
    },
    [t, locale],
  );
}

/** The server's English field messages, in the UI's language when we know them. */
export function useFieldMessage(): (message: string) => string {
  const { locale } = usePreferences();
  return useCallback(
    (message: string) => {
      const key = `regPublic.field.${message.replace(/[^a-z]+/gi, '_').toLowerCase()}`;
      return hasMessage(key) ? translate(locale, key) : message;
    },
    [locale],
  );
}

/** A problem shown in place: its text and every field error (path: message). */
export function ProblemAlert({
  failure,
  fieldLabel,
}: {
  failure: { problem: Problem; text: string } | null;
  fieldLabel?: (path: string) => string;
}) {
  const fieldMessage = useFieldMessage();
  if (!failure) return null;
  const errors = failure.problem.errors ?? [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="reg-problem"
      data-code={failure.problem.code}
      message={failure.text}
      description={
        errors.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {errors.map((e) => (
              <li key={`${e.path}|${e.message}`} data-path={e.path}>
                {fieldLabel ? fieldLabel(e.path) : e.path}: {fieldMessage(e.message)}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 12 }}
    />
  );
}
