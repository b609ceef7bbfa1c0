import { problemOf } from '@zhizhi/api-client';
import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { applyFieldErrors, useProblemNotifier } from '../use-action';

export const VERSION_CONFLICT = 'cases.case.version_conflict';
const NOT_ALLOWED = 'cases.transition.not_allowed';

/**
 * Runs a step on a case. When someone else moved the case first (409 version conflict) it says so
 * plainly and calls `onConflict` (reload), as it does when the step is no longer possible; other
 * problems show as usual, field errors on `form`.
 */
export function useCaseAction(onConflict: () => void) {
  const t = useT();
  const { message, modal } = App.useApp();
  const notify = useProblemNotifier();
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>, options: { form?: FormInstance; success?: string } = {}) => {
      setPending(true);
      try {
        await action();
        if (options.success) void message.success(options.success);
        return true;
      } catch (error) {
        const problem = problemOf(error);
        if (problem.code === VERSION_CONFLICT) {
          modal.warning({
            title: t('cases.conflict.title'),
            content: t('cases.conflict.detail'),
            okText: t('common.confirm'),
          });
          onConflict();
          return false;
        }
        notify(error);
        // A step no longer possible means the case moved on since it was shown: show it as it is now.
        if (problem.code === NOT_ALLOWED) onConflict();
        else if (options.form) applyFieldErrors(options.form, problem);
        return false;
      } finally {
        setPending(false);
      }
    },
    [message, modal, notify, onConflict, t],
  );
  return { pending, run };
}
