import { NETWORK_ERROR_CODE, type Problem, problemOf } from '@zhizhi/api-client';
import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { problemText } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

/** A problem's `errors[].path` as an antd NamePath: `body.roles.0.roleCode` → ['roles', 0, 'roleCode']. */
export function fieldNameOf(path: string): (string | number)[] {
  return path
    .replace(/^\//, '')
    .split(/[./]/)
    .filter((part) => part !== '' && part !== 'body')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Puts the problem's field errors next to the form inputs they belong to. */
export function applyFieldErrors(form: FormInstance, problem: Problem): void {
  if (!problem.errors?.length) return;
  form.setFields(problem.errors.map((error) => ({ name: fieldNameOf(error.path), errors: [error.message] })));
}

/** Returns a function that shows any error from the API as a message with the server's `detail`. */
export function useProblemNotifier(): (error: unknown) => Problem {
  const { message } = App.useApp();
  const t = useT();
  const { locale } = usePreferences();
  return useCallback(
    (error: unknown) => {
      const problem = problemOf(error);
      const text =
        problem.code === NETWORK_ERROR_CODE
          ? t('error.network')
          : (problemText(locale, problem) ?? t('error.unknown'));
      void message.error(text);
      return problem;
    },
    [message, t, locale],
  );
}

export interface RunOptions {
  form?: FormInstance;
  /** Shown as a success message after the action. */
  success?: string;
}

/** Runs a write: tracks pending state, shows success or the problem (with field errors on `form`). */
export function useAction(): {
  pending: boolean;
  run: (action: () => Promise<unknown>, options?: RunOptions) => Promise<boolean>;
} {
  const { message } = App.useApp();
  const notify = useProblemNotifier();
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>, options: RunOptions = {}) => {
      setPending(true);
      try {
        await action();
        if (options.success) void message.success(options.success);
        return true;
      } catch (error) {
        const problem = notify(error);
        if (options.form) applyFieldErrors(options.form, problem);
        return false;
      } finally {
        setPending(false);
      }
    },
    [message, notify],
  );
  return { pending, run };
}
