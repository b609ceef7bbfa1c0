import { InboxOutlined } from '@ant-design/icons';
import { problemOf, unwrap } from '@zhizhi/api-client';
import { Alert, Form, Input, Progress, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/api';
import { problemText } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { usePreferences } from '../../../session/preferences';
import { useProblemNotifier } from '../../use-action';
import type { DataLoad } from './types';

const POLL_MS = 500;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `身份证号=id_number` lines → a mapping; null when a line is malformed. */
function parseMapping(text: string): Record<string, string> | null {
  const mapping: Record<string, string> = {};
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.lastIndexOf('=');
    if (at <= 0 || at === line.length - 1) return null;
    mapping[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return mapping;
}

function startLoad(resourceId: string, file: File, mapping: Record<string, string>): Promise<DataLoad> {
  const lower = file.name.toLowerCase();
  const type = lower.endsWith('.xlsx')
    ? XLSX
    : lower.endsWith('.csv')
      ? 'text/csv'
      : 'application/octet-stream';
  return unwrap(
    api.POST('/api/data/resources/{id}/loads/upload', {
      params: {
        path: { id: resourceId },
        query: { mapping: Object.keys(mapping).length ? JSON.stringify(mapping) : undefined },
      },
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': type, 'x-file-name': encodeURIComponent(file.name) },
    }),
  );
}

export interface LoadUploadProps {
  resourceId: string;
  /** Called when a load settles (done or failed), to reload the history. */
  onSettled: () => void;
}

/** Upload form with a progress bar that polls the running load. */
export function LoadUpload({ resourceId, onSettled }: LoadUploadProps) {
  const t = useT();
  const { locale } = usePreferences();
  const notify = useProblemNotifier();
  const [mappingText, setMappingText] = useState('');
  const [current, setCurrent] = useState<DataLoad | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const running = current?.status === 'running';

  useEffect(() => {
    if (!current || !running) return;
    const timer = setTimeout(() => {
      unwrap(api.GET('/api/data/loads/{id}', { params: { path: { id: current.id } } }))
        .then((next) => {
          setCurrent(next);
          if (next.status !== 'running') onSettled();
        })
        .catch(notify);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [current, running, notify, onSettled]);

  const mapping = parseMapping(mappingText);
  const percent = current?.rowsTotal
    ? Math.round((100 * current.rowsRead) / current.rowsTotal)
    : running
      ? 0
      : 100;
  return (
    <>
      <Form layout="vertical">
        <Form.Item
          label={t('dataLoad.mapping')}
          extra={t('dataLoad.mappingHint')}
          validateStatus={mapping ? undefined : 'error'}
          help={mapping ? undefined : t('dataLoad.mappingInvalid')}
        >
          <Input.TextArea
            rows={2}
            value={mappingText}
            onChange={(e) => setMappingText(e.target.value)}
            className="zz-mono"
            data-testid="data-load-mapping"
          />
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept=".csv,.xlsx,.json"
        multiple={false}
        showUploadList={false}
        disabled={running || !mapping}
        data-testid="data-load-upload"
        customRequest={({ file }) => {
          setRefused(null);
          startLoad(resourceId, file as File, mapping ?? {})
            .then(setCurrent)
            .catch((error: unknown) =>
              setRefused(problemText(locale, problemOf(error)) ?? t('error.unknown')),
            );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('dataLoad.drop')}</p>
        <p className="ant-upload-hint">{t('dataLoad.hint')}</p>
      </Upload.Dragger>
      {refused && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={refused}
          data-testid="data-load-refused"
        />
      )}
      {current && (
        <div style={{ marginTop: 12 }} data-testid="data-load-progress" data-status={current.status}>
          <Progress
            percent={percent}
            status={current.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
          />
          {running &&
            t('dataLoad.running', {
              version: current.version,
              read: current.rowsRead,
              total: current.rowsTotal ?? '?',
            })}
          {current.status === 'done' && t('dataLoad.finished', { version: current.version })}
          {current.status === 'failed' && (
            <Alert
              type="error"
              showIcon
              title={t('dataLoad.failedAt', { version: current.version, code: current.errorCode ?? '' })}
            />
          )}
        </div>
      )}
    </>
  );
}
