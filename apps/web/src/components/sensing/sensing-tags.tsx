import { Tag } from 'antd';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import {
  COLOUR_STYLE,
  levelColour,
  severityColour,
  stationColour,
  type WarningColour,
} from './sensing-model';
import type { SensingStation, Severity } from './types';

function ColourTag({ colour, label, testId }: { colour: WarningColour; label: string; testId?: string }) {
  const style = COLOUR_STYLE[colour];
  return (
    <Tag
      data-testid={testId}
      data-colour={colour}
      style={{
        background: style.background,
        color: style.text,
        borderColor: style.background,
        fontWeight: 600,
      }}
    >
      {label}
    </Tag>
  );
}

/** An alarm severity as its warning colour with the colour's name (红色 / 橙色 / 黄色 / 蓝色). */
export function SeverityTag({ severity }: { severity: Severity }) {
  const t = useT();
  return (
    <ColourTag
      colour={severityColour(severity)}
      label={t(`sensing.severity.${severity}` as MessageKey)}
      testId="sensing-severity"
    />
  );
}

/** A township warning level (0 none, 1 红 … 4 蓝) as a coloured tag. */
export function LevelTag({ level }: { level: number }) {
  const t = useT();
  const known = level >= 0 && level <= 4 ? level : 0;
  return (
    <ColourTag
      colour={levelColour(known)}
      label={t(`sensing.level.${known}` as MessageKey)}
      testId="sensing-level"
    />
  );
}

/** A station's status in its map colour: 正常 green, 告警 in the worst alarm's colour, 离线 grey. */
export function StationStatusTag({ station }: { station: Pick<SensingStation, 'status' | 'worstSeverity'> }) {
  const t = useT();
  const colour = stationColour(station);
  // Yellow is the one fill that needs dark text.
  const text = colour === COLOUR_STYLE.yellow.background ? '#000000' : '#ffffff';
  return (
    <Tag
      data-testid="sensing-station-status"
      data-value={station.status}
      style={{ background: colour, borderColor: colour, color: text, fontWeight: 600 }}
    >
      {t(`sensing.status.${station.status}`)}
      {station.status === 'alarm' && station.worstSeverity
        ? ` · ${t(`sensing.severity.${station.worstSeverity}`)}`
        : ''}
    </Tag>
  );
}
