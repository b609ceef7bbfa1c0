import { RollbackOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import {
  CHORO_STEPS,
  EVENT_LEGEND,
  geoJsonOf,
  INSPECTION_COLOUR,
  LAYERS,
  type LayerKind,
  mapKey,
  mapOption,
  pointColour,
} from './map-model';
import { type ChartEvent, EChart, encodeHTML as html } from '../charts/echart';
import { registerGeoJson } from '../charts/geo-map';
import { Panel } from './panel';
import type { CockpitMap, MapPoint } from './types';

const STATUS_PREFIX: Record<LayerKind, string> = {
  event: 'cases.state',
  alarm: 'sensing.severity',
  inspection: 'regStaff.inspection.status',
};

export interface MapPanelProps {
  map: CockpitMap | undefined;
  /** The town the screen is drilled into (12-digit code), or null at district/department level. */
  selectedTown: string | null;
  stale: boolean;
  onTown: (code: string) => void;
  onDistrict: (() => void) | null;
}

/** Towns coloured by open events, live points per layer; a town click drills the whole screen into it. */
export function MapPanel({ map, selectedTown, stale, onTown, onDistrict }: MapPanelProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const navigate = useNavigate();
  const { elderMode } = usePreferences();
  const [layers, setLayers] = useState<ReadonlySet<LayerKind>>(new Set(LAYERS));
  const boxRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = boxRef.current;
    if (!element) return;
    // Layout size (clientWidth), not the scaled on-screen size: ECharts works in layout pixels.
    const measure = () => setBox({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const towns = map?.towns.features ?? [];
  const points = map?.points ?? [];

  const mapName = useMemo(() => {
    if (!map) return null;
    const name = mapKey(map);
    registerGeoJson(name, geoJsonOf(map));
    return name;
  }, [map]);

  const option = useMemo(() => {
    if (!mapName || box.width === 0 || box.height === 0) return null;
    const byId = new Map<string, MapPoint>(points.map((p) => [p.id, p]));
    const byName = new Map(towns.map((f) => [f.properties.name, f.properties]));
    const tooltip = (kind: 'town' | 'point', key: string) => {
      if (kind === 'point') {
        const p = byId.get(key);
        if (!p) return '';
        const status = enumLabel(STATUS_PREFIX[p.kind], p.status);
        return `${html(p.title)}<br/>${html(t(`cockpitScreen.kind.${p.kind}`))} · ${html(status)}`;
      }
      const town = byName.get(key);
      if (!town) return html(key);
      return [
        `<strong>${html(town.name)}</strong>`,
        html(t('cockpitScreen.map.tipOpen', { n: town.eventsOpen, total: town.eventsTotal })),
        html(t('cockpitScreen.map.tipAlarms', { n: town.alarms })),
        html(t('cockpitScreen.map.tipInspections', { n: town.inspections })),
        html(t('cockpitScreen.map.tipDrill')),
      ].join('<br/>');
    };
    return mapOption({ mapName, towns, points, layers, selectedTown, elder: elderMode, box, tooltip });
  }, [mapName, towns, points, layers, selectedTown, elderMode, box, t, enumLabel]);

  const toggle = (kind: LayerKind) =>
    setLayers((previous) => {
      const next = new Set(previous);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  const onChartClick = (params: ChartEvent) => {
    if (params.componentType === 'geo' || params.seriesType === 'map') {
      const town = towns.find((f) => f.properties.name === params.name);
      if (town) onTown(town.properties.code);
      return;
    }
    const id = (params.data as { id?: string } | undefined)?.id;
    const point = id ? points.find((p) => p.id === id) : undefined;
    if (point) navigate(point.href);
  };

  const ranked = [...towns].sort((a, b) => b.properties.eventsOpen - a.properties.eventsOpen);
  const busiest = Math.max(1, ...towns.map((f) => f.properties.eventsOpen));
  const count = (kind: LayerKind) => points.filter((p) => p.kind === kind).length;

  return (
    <Panel
      id="map"
      title={t('cockpitScreen.panel.map')}
      stale={stale}
      bare
      extra={
        <>
          {LAYERS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="cs-chip"
              aria-pressed={layers.has(kind)}
              data-testid={`cockpit-layer-${kind}`}
              onClick={() => toggle(kind)}
            >
              <span
                className="cs-swatch"
                style={{
                  background: kind === 'event' ? '#ffb020' : pointColour({ kind, status: 'critical' }),
                }}
              />
              {t(`cockpitScreen.layer.${kind}`)}
              <span className="cs-num">{count(kind)}</span>
            </button>
          ))}
          {onDistrict && (
            <Button
              icon={<RollbackOutlined />}
              size="small"
              type="primary"
              data-testid="cockpit-back-district"
              onClick={onDistrict}
            >
              {t('cockpitScreen.map.backToDistrict')}
            </Button>
          )}
        </>
      }
    >
      <div className="cs-map">
        <div className="cs-map-chart" ref={boxRef}>
          {option && (
            <EChart
              option={option}
              update="series"
              label={t('cockpitScreen.map.label')}
              onClick={onChartClick}
              testId="cockpit-map"
            />
          )}
          <div className="cs-legend" aria-hidden="true">
            <div>
              {t('cockpitScreen.map.legendOpen')}{' '}
              {CHORO_STEPS.map((colour) => (
                <span key={colour} className="cs-swatch" style={{ background: colour, marginInlineEnd: 0 }} />
              ))}{' '}
              {t('cockpitScreen.map.legendMore')}
            </div>
            {layers.has('event') && (
              <div>
                {EVENT_LEGEND.map((item) => (
                  <span
                    key={item.status}
                    style={{ marginInlineStart: 10, whiteSpace: 'nowrap', display: 'inline-block' }}
                  >
                    <span className="cs-swatch" style={{ background: item.colour, borderRadius: '50%' }} />
                    {enumLabel('cases.state', item.status)}
                  </span>
                ))}
              </div>
            )}
            <div>
              {layers.has('alarm') && (
                <span style={{ marginInlineEnd: 10 }}>▲ {t('cockpitScreen.layer.alarm')}</span>
              )}
              {layers.has('inspection') && (
                <span style={{ color: INSPECTION_COLOUR }}>◆ {t('cockpitScreen.layer.inspection')}</span>
              )}
            </div>
          </div>
        </div>
        <nav className="cs-map-side" aria-label={t('cockpitScreen.map.towns')}>
          <div className="cs-muted cs-map-side-title">{t('cockpitScreen.map.towns')}</div>
          {ranked.map((f, index) => (
            <button
              key={f.properties.code}
              type="button"
              className="cs-town"
              aria-pressed={selectedTown === f.properties.code}
              data-testid="cockpit-town"
              data-code={f.properties.code}
              onClick={() => onTown(f.properties.code)}
            >
              <span className="cs-num cs-muted" style={{ width: 20 }}>
                {index + 1}
              </span>
              <span style={{ width: 80, whiteSpace: 'nowrap' }}>{f.properties.name}</span>
              <span className="cs-bar" style={{ flex: 1, margin: 0 }}>
                <span
                  className="cs-bar-fill"
                  style={{
                    width: `${(f.properties.eventsOpen / busiest) * 100}%`,
                    ['--status' as string]: '#1f7fc4',
                  }}
                />
              </span>
              <span className="cs-num" style={{ width: 28, textAlign: 'end' }}>
                {f.properties.eventsOpen}
              </span>
            </button>
          ))}
        </nav>
      </div>
    </Panel>
  );
}
