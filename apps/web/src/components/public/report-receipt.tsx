import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography, theme } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/use-t';
import { copyText } from './copy-text';

export interface ReportReceiptProps {
  number: string;
  password: string;
  onAnother: () => void;
}

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { token } = theme.useToken();
  return (
    <div>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div
        className="zz-mono"
        data-testid={testId}
        style={{ fontSize: token.fontSizeHeading3, fontWeight: 600, letterSpacing: 1, lineHeight: 1.3 }}
      >
        {value}
      </div>
    </div>
  );
}

/** After a citizen's report: the number and the once-only tracking password, impossible to miss. */
export function ReportReceipt({ number, password, onAnother }: ReportReceiptProps) {
  const t = useT();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const copy = async () => {
    const copied = await copyText(t('public.receipt.copyText', { number, password }));
    if (copied) void message.success(t('public.receipt.copied'));
    else void message.warning(t('public.receipt.copyFailed'));
  };
  return (
    <Card data-testid="report-receipt">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space align="start">
          <CheckCircleFilled style={{ color: token.colorSuccess, fontSize: 28 }} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('public.receipt.title')}
            </Typography.Title>
            <Typography.Text>{t('public.receipt.subtitle')}</Typography.Text>
          </div>
        </Space>
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={<strong>{t('public.receipt.warning')}</strong>}
          description={t('public.receipt.warningDetail')}
        />
        <div
          style={{
            display: 'grid',
            gap: 12,
            padding: 16,
            border: `2px dashed ${token.colorWarningBorder}`,
            borderRadius: token.borderRadiusLG,
            background: token.colorWarningBg,
          }}
        >
          <Secret label={t('public.receipt.number')} value={number} testId="receipt-number" />
          <Secret label={t('public.receipt.password')} value={password} testId="receipt-password" />
        </div>
        <Space wrap>
          <Button icon={<CopyOutlined />} onClick={copy} data-testid="receipt-copy">
            {t('public.receipt.copy')}
          </Button>
          <Button
            type="primary"
            onClick={() => navigate(`/track?number=${encodeURIComponent(number)}`)}
            data-testid="receipt-track"
          >
            {t('public.receipt.track')}
          </Button>
          <Button onClick={onAnother}>{t('public.receipt.another')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
