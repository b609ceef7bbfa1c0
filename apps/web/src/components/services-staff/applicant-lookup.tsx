import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { ApiProblemError, unwrap } from '@zhizhi/api-client';
import { Alert, Button, Card, Descriptions, Form, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { useAction } from '../use-action';

export type ApplicantKind = 'citizen' | 'enterprise';
export interface FoundApplicant {
  kind: ApplicantKind;
  identifier: string;
  /** Masked name (citizens) or the enterprise's name. */
  name: string;
}

async function lookup(kind: ApplicantKind, identifier: string): Promise<FoundApplicant | null> {
  try {
    const found =
      kind === 'citizen'
        ? await unwrap(api.POST('/api/identity/citizens/lookup', { body: { idNumber: identifier } }))
        : await unwrap(api.POST('/api/identity/enterprises/lookup', { body: { uscc: identifier } }));
    return { kind, identifier, name: found.name };
  } catch (error) {
    if (error instanceof ApiProblemError && error.problem.status === 404) return null;
    throw error;
  }
}

/**
 * Who applies: looked up in the registry by 身份证号 or 统一社会信用代码; someone not yet known is
 * registered here after the identity check at the window.
 */
export function ApplicantLookup({ onFound }: { onFound: (applicant: FoundApplicant | null) => void }) {
  const t = useT();
  const { pending, run } = useAction();
  const [kind, setKind] = useState<ApplicantKind>('citizen');
  const [identifier, setIdentifier] = useState('');
  const [found, setFound] = useState<FoundApplicant | null>(null);
  const [unknown, setUnknown] = useState(false);
  const [register] = Form.useForm<{ name: string; phone?: string; legalRepresentative?: string }>();

  const search = () =>
    run(async () => {
      const value = identifier.trim().toUpperCase();
      const result = await lookup(kind, value);
      setFound(result);
      setUnknown(!result);
      onFound(result);
    });

  const registerApplicant = () =>
    run(
      async () => {
        const values = await register.validateFields();
        const value = identifier.trim().toUpperCase();
        const created =
          kind === 'citizen'
            ? await unwrap(
                api.POST('/api/identity/citizens', {
                  body: { idNumber: value, name: values.name, phone: values.phone || null },
                }),
              )
            : await unwrap(
                api.POST('/api/identity/enterprises', {
                  body: {
                    uscc: value,
                    name: values.name,
                    legalRepresentative: values.legalRepresentative || null,
                  },
                }),
              );
        const result = { kind, identifier: value, name: created.name };
        setFound(result);
        setUnknown(false);
        onFound(result);
      },
      { form: register, success: t('govStaff.window.registered') },
    );

  return (
    <Card title={t('govStaff.window.applicant')} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Segmented<ApplicantKind>
          value={kind}
          onChange={(value) => {
            setKind(value);
            setFound(null);
            setUnknown(false);
            onFound(null);
          }}
          options={[
            { value: 'citizen', label: t('govStaff.applicant.citizen') },
            { value: 'enterprise', label: t('govStaff.applicant.enterprise') },
          ]}
          data-testid="services-window-kind"
        />
        <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
          <Input
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            onPressEnter={() => void search()}
            maxLength={18}
            placeholder={kind === 'citizen' ? t('govStaff.applicant.idNumber') : t('govStaff.applicant.uscc')}
            aria-label={kind === 'citizen' ? t('govStaff.applicant.idNumber') : t('govStaff.applicant.uscc')}
            data-testid="services-window-identifier"
          />
          <Button
            type="primary"
            icon={<SearchOutlined />}
            loading={pending}
            disabled={identifier.trim().length < 15}
            onClick={() => void search()}
            data-testid="services-window-lookup"
          >
            {t('govStaff.window.lookup')}
          </Button>
        </Space.Compact>
        {found && (
          <Descriptions size="small" column={1} bordered data-testid="services-window-applicant">
            <Descriptions.Item label={t('govStaff.applicant.name')}>{found.name}</Descriptions.Item>
            <Descriptions.Item label={t('govStaff.applicant.kind')}>
              {t(found.kind === 'citizen' ? 'govStaff.applicant.citizen' : 'govStaff.applicant.enterprise')}
            </Descriptions.Item>
          </Descriptions>
        )}
        {unknown && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="services-window-register">
            <Alert type="warning" showIcon title={t('govStaff.window.notRegistered')} />
            <Form form={register} layout="vertical" style={{ maxWidth: 520 }}>
              <Form.Item
                name="name"
                label={
                  kind === 'citizen' ? t('govStaff.applicant.name') : t('govStaff.applicant.enterpriseName')
                }
                rules={[{ required: true, message: t('govStaff.form.required') }]}
              >
                <Input
                  maxLength={kind === 'citizen' ? 60 : 200}
                  data-testid="services-window-register-name"
                />
              </Form.Item>
              {kind === 'citizen' ? (
                <Form.Item name="phone" label={t('govStaff.applicant.phone')}>
                  <Input maxLength={20} data-testid="services-window-register-phone" />
                </Form.Item>
              ) : (
                <Form.Item name="legalRepresentative" label={t('govStaff.applicant.legalRepresentative')}>
                  <Input maxLength={60} />
                </Form.Item>
              )}
              <Button
                icon={<UserAddOutlined />}
                loading={pending}
                onClick={() => void registerApplicant()}
                data-testid="services-window-register-submit"
              >
                {t('govStaff.window.register')}
              </Button>
            </Form>
          </Space>
        )}
      </Space>
    </Card>
  );
}
