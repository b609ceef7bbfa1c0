import { Card, Col, DatePicker, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useLoad } from '../use-load';
import { call } from './types';

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${value.toFixed(1)}%`;

/** 监管指标: platform rate, coverage by class, on-time rectification and publication, joint share. */
export function RegulationIndicatorsCard() {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const loaded = useLoad(
    () =>
      call(api.GET('/api/regulation/indicators', { params: { query: { from, to } } })).then((b) => b.items),
    [from, to],
  );

  return (
    <Card
      size="small"
      title={t('regStaff.indicators.title')}
      data-testid="reg-indicators"
      extra={
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          aria-label={t('regStaff.indicators.range')}
        />
      }
    >
      <Row gutter={[12, 12]}>
        {(loaded.data ?? []).map((indicator) => {
          const district = indicator.scopes.find((s) => s.scopeType === 'division');
          const value = district?.value ?? null;
          const met = indicator.target !== null && value !== null ? value >= indicator.target : null;
          return (
            <Col key={indicator.code} xs={24} sm={12} lg={elderMode ? 12 : 6} xxl={elderMode ? 8 : 6}>
              <Card size="small" loading={loaded.loading} data-testid={`reg-indicator-${indicator.code}`}>
                <Statistic title={localName(indicator.nameZh, indicator.nameEn)} value={percent(value)} />
                <Space wrap size={4}>
                  <Typography.Text type="secondary">
                    {district ? `${district.numerator} / ${district.denominator}` : '—'}
                  </Typography.Text>
                  {indicator.target !== null && (
                    <Typography.Text type="secondary">
                      {t('regStaff.indicators.target', { target: indicator.target })}
                    </Typography.Text>
                  )}
                  {met !== null && (
                    <Tag color={met ? 'green' : 'red'} data-met={met}>
                      {met ? t('regStaff.indicators.met') : t('regStaff.indicators.missed')}
                    </Tag>
                  )}
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
