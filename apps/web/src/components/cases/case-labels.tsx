import { Tag } from 'antd';
import { useMemo } from 'react';
import { hasMessage } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import type { CaseHistoryEntry, CaseType, LocalizedName } from './types';

export interface CaseLabels {
  stateName: (code: string) => string;
  isFinal: (code: string) => boolean;
  stepName: (code: string) => string;
  fieldName: (code: string) => string;
  optionName: (field: string, value: unknown) => string;
  clockName: (code: string) => string;
  clockUnit: (code: string) => string;
  actorName: (entry: Pick<CaseHistoryEntry, 'actorName' | 'actorType'>) => string;
}

/**
 * Labels from the case type (its states, steps, fields and clocks carry zh/en names); the engine's
 * own steps (opened, 督办, extensions, merges) and a fallback before the type is known come from i18n.
 */
export function useCaseLabels(type: CaseType | null | undefined): CaseLabels {
  const t = useT();
  const localName = useLocalName();
  return useMemo(() => {
    const name = (value: LocalizedName | undefined, fallbackKey: string, code: string) =>
      value ? localName(value.zh, value.en) : hasMessage(fallbackKey) ? t(fallbackKey) : code;
    const states = new Map(type?.states.map((s) => [s.code, s]));
    const steps = new Map(type?.transitions.map((s) => [s.code, s.name]));
    const fields = new Map(type?.fields.map((f) => [f.code, f]));
    const clocks = new Map(type?.clocks.map((c) => [c.code, c]));
    const channelField = fields.get('channel');
    return {
      stateName: (code) => name(states.get(code)?.name, `cases.state.${code}`, code),
      isFinal: (code) => states.get(code)?.final ?? ['closed', 'rated', 'done'].includes(code),
      stepName: (code) => {
        const engineStep = `cases.step.${code}`;
        return hasMessage(engineStep) ? t(engineStep) : name(steps.get(code), engineStep, code);
      },
      fieldName: (code) => name(fields.get(code)?.name, `cases.field.${code}`, code),
      optionName: (field, value) => {
        const option = fields.get(field)?.options?.find((o) => o.value === value);
        return option ? localName(option.name.zh, option.name.en) : String(value ?? '—');
      },
      clockName: (code) => name(clocks.get(code)?.name, `cases.clock.${code}`, code),
      clockUnit: (code) => {
        const unit = clocks.get(code)?.unit ?? 'working_days';
        const key = `cases.unit.${unit}`;
        return hasMessage(key) ? t(key) : unit;
      },
      actorName: ({ actorName, actorType }) => {
        // Intake channels act as `channel:public`, `channel:event` (routing) and so on.
        const channel = actorName?.match(/^channel:(\w+)$/)?.[1];
        if (channel === 'event') return t('cases.actor.routing');
        if (channel) {
          const option = channelField?.options?.find((o) => o.value === channel);
          return t('cases.actor.channel', {
            channel: option ? localName(option.name.zh, option.name.en) : channel,
          });
        }
        if (actorType === 'system' && (!actorName || actorName === 'system')) return t('cases.actor.system');
        return actorName ?? t('cases.actor.system');
      },
    };
  }, [type, t, localName]);
}

const STATE_COLOR: Record<string, string> = {
  reported: 'gold',
  dispatched: 'blue',
  open: 'blue',
  handling: 'processing',
  awaiting_info: 'purple',
  awaiting_co: 'purple',
  returned: 'red',
  merged: 'default',
};

/** A case state as a coloured tag; final states are green. */
export function StateTag({ state, labels }: { state: string; labels: CaseLabels }) {
  const color = labels.isFinal(state) ? 'green' : (STATE_COLOR[state] ?? 'default');
  return (
    <Tag color={color} data-testid="case-state" data-state={state}>
      {labels.stateName(state)}
    </Tag>
  );
}
