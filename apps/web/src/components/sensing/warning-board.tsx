import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { usePreferences } from '../../session/preferences';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../format';
import { COLOUR_STYLE, levelColour, sortWarnings } from './sensing-model';
import { LevelTag } from './sensing-tags';
import type { SensingWarnings } from './types';

export interface WarningBoardProps {
  data: SensingWarnings | undefined;
  loading: boolean;
  /** Township code → name, for rows whose name the server does not give. */
  townshipName?: (code: string) => string;
  /** Narrow frames (the public page) stack townships in one column. */
  narrow?: boolean;
}

/** Township warning levels with their hazards, and the latest bulletins; the same staff and public. */
export function WarningBoard({ data, loading, townshipName, narrow }: WarningBoardProps) {
  const t = useT();
  const { locale, elderMode } = usePreferences();
  const townships = sortWarnings(data?.townships ?? []);
  const warned = townships.filter((w) => w.level >= 1 && w.level <= 4);
  const span = narrow || elderMode ? 24 : 8;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('sensing.warning.townships')} loading={loading && !data}>
        {warned.length === 0 && (
          <Typography.Paragraph data-testid="sensing-warning-none">
            {t('sensing.warning.none')}
          </Typography.Paragraph>
        )}
        <Row gutter={[12, 12]}>
          {townships.map((w) => {
            const style = COLOUR_STYLE[levelColour(w.level)];
            const name = w.name ?? townshipName?.(w.townshipCode) ?? w.townshipCode;
            return (
              <Col key={w.townshipCode} xs={24} md={narrow ? 24 : 12} xl={span}>
                <section
                  aria-label={name}
                  data-testid="sensing-warning-township"
                  data-township={name}
                  data-level={w.level}
                  style={{
                    borderLeft: `8px solid ${w.level ? style.background : '#d9d9d9'}`,
                    borderRadius: 6,
                    padding: '8px 12px',
                    background: '#fff',
                    boxShadow: '0 0 0 1px #f0f0f0 inset',
                    height: '100%',
                  }}
                >
                  <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Typography.Text strong style={{ fontSize: elderMode ? 22 : 16 }}>
                      {name}
                    </Typography.Text>
                    <LevelTag level={w.level} />
                  </Space>
                  {w.factors.length > 0 && (
                    <ul
                      aria-label={t('sensing.warning.factors')}
                      style={{ margin: '8px 0 4px', paddingLeft: 0, listStyle: 'none' }}
                    >
                      {w.factors.map((f) => (
                        <li key={`${f.hazard}:${f.reason}`} style={{ marginBottom: 4 }}>
                          <Tag>{t(`sensing.hazard.${f.hazard}`)}</Tag>
                          <LevelTag level={f.level} /> {f.reason}
                        </li>
                      ))}
                    </ul>
                  )}
                  <Typography.Text type="secondary">
                    {t('sensing.warning.updatedAt', { time: formatDateTime(w.updatedAt, locale) })}
                  </Typography.Text>
                </section>
              </Col>
            );
          })}
        </Row>
      </Card>
      <Card size="small" title={t('sensing.warning.bulletins')} loading={loading && !data}>
        {(data?.bulletins.length ?? 0) === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sensing.warning.noBulletins')} />
        ) : (
          <List
            data-testid="sensing-bulletins"
            dataSource={data?.bulletins ?? []}
            renderItem={(b) => (
              <List.Item key={b.id}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <LevelTag level={b.highestLevel} />
                    <Typography.Text type="secondary">
                      {t('sensing.warning.issuedAt')} {formatDateTime(b.issuedAt, locale)}
                    </Typography.Text>
                  </Space>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {locale === 'en-US' ? b.textEn : b.textZh}
                  </Typography.Paragraph>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
