import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useT } from '../../../i18n/use-t';
import { copyText } from '../../public/copy-text';

/** A freshly issued developer key, shown this once with a copy button. */
export function KeyOnce({ apiKey }: { apiKey: string }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('open.developer.keyTitle')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('open.developer.keyOnce')}</Typography.Text>
          <Typography.Text code className="zz-mono" style={{ wordBreak: 'break-all' }} data-testid="open-key">
            {apiKey}
          </Typography.Text>
          <Button
            icon={<CopyOutlined />}
            onClick={async () => {
              if (await copyText(apiKey)) void message.success(t('open.developer.copied'));
            }}
          >
            {t('open.developer.copy')}
          </Button>
        </Space>
      }
    />
  );
}
