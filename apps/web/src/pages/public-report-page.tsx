import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { EventReportForm } from '../components/public/event-report-form';
import { PublicShell } from '../components/public/public-shell';
import {
  loadPublicCategories,
  loadRegion,
  type PublicReceipt,
  reportPublic,
  uploadPhoto,
} from '../components/public/report-api';
import { ReportReceipt } from '../components/public/report-receipt';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';

/** 群众上报: anyone reports a problem without logging in and gets a number and tracking password. */
export function PublicReportPage() {
  const t = useT();
  const categories = useLoad(loadPublicCategories, []);
  const region = useLoad(loadRegion, []);
  const [receipt, setReceipt] = useState<PublicReceipt>();
  // A new key gives the next report a fresh, empty form.
  const [formKey, setFormKey] = useState(0);

  const another = () => {
    setReceipt(undefined);
    setFormKey((key) => key + 1);
    window.scrollTo({ top: 0 });
  };

  return (
    <PublicShell title={t('public.report.title')}>
      {receipt ? (
        <ReportReceipt number={receipt.number} password={receipt.password} onAnother={another} />
      ) : (
        <>
          <Typography.Paragraph>{t('public.report.intro')}</Typography.Paragraph>
          <Alert type="info" showIcon title={t('public.report.emergency')} style={{ marginBottom: 16 }} />
          <EventReportForm
            key={formKey}
            name="public-report"
            categories={categories.data}
            region={region.data}
            uploadPhoto={(file) => uploadPhoto('public', file)}
            withContact
            submitText={t('public.form.submit')}
            submit={async (payload) => {
              setReceipt(await reportPublic(payload));
              window.scrollTo({ top: 0 });
            }}
          />
        </>
      )}
    </PublicShell>
  );
}
