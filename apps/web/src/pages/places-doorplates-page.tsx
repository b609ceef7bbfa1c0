import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/api';
import '../components/places/doorplate-print.css';
import { PlaceSearch } from '../components/places/place-search';
import { SHEET_PARENT_LEVELS, svgDataUrl } from '../components/places/places-model';
import type { SearchResult, Sheet } from '../components/places/types';
import { useAction } from '../components/use-action';
import { useEnumLabel, useT } from '../i18n/use-t';

/** 门牌码打印: pick a road, estate or natural village, issue its plates' codes and print the sheet. */
export function PlacesDoorplatesPage() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { pending, run } = useAction();
  const [text, setText] = useState('');
  const [parent, setParent] = useState<SearchResult | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);

  const generate = () => {
    if (!parent) return;
    void run(async () => {
      setSheet(await unwrap(api.POST('/api/places/doorplates/sheet', { body: { parentId: parent.id } })));
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="zz-no-print">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('nav.placesDoorplates')}
        </Typography.Title>
        <Typography.Paragraph>{t('places.doorplates.intro')}</Typography.Paragraph>
        <Card>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <PlaceSearch
              value={text}
              onChange={setText}
              levels={SHEET_PARENT_LEVELS}
              hint={t('places.doorplates.pick')}
              onSelect={(place) => {
                setParent(place);
                setSheet(null);
              }}
              testId="places-doorplate-search"
            />
            {parent && (
              <Space wrap data-testid="places-doorplate-parent">
                <Tag color="blue">{enumLabel('places.level', parent.level)}</Tag>
                <span>{t('places.doorplates.selected', { address: parent.key })}</span>
              </Space>
            )}
            <Space wrap>
              <Button
                type="primary"
                icon={<QrcodeOutlined />}
                disabled={!parent}
                loading={pending}
                onClick={generate}
                data-testid="places-doorplate-generate"
              >
                {t('places.doorplates.generate')}
              </Button>
              <Button
                icon={<PrinterOutlined />}
                disabled={!sheet}
                onClick={() => window.print()}
                data-testid="places-doorplate-print"
              >
                {t('places.doorplates.print')}
              </Button>
              {sheet && (
                <Typography.Text>{t('places.doorplates.count', { count: sheet.count })}</Typography.Text>
              )}
            </Space>
          </Space>
        </Card>
      </div>
      {sheet ? (
        <div className="zz-plates" data-testid="places-plates">
          {sheet.plates.map((plate) => (
            <div className="zz-plate" key={plate.addressId} data-token={plate.token}>
              <div className="zz-plate-name">{plate.name}</div>
              <img src={svgDataUrl(plate.qrSvg)} alt={`${t('places.doorplates.token')} ${plate.token}`} />
              <div className="zz-plate-address">{plate.address}</div>
              <div>{t('places.doorplates.scan')}</div>
              <div className="zz-plate-token">{plate.token}</div>
            </div>
          ))}
        </div>
      ) : (
        <Card className="zz-no-print">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.doorplates.pick')} />
        </Card>
      )}
    </Space>
  );
}
