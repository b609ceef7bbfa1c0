import { ArrowRightOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Card, Form, Radio, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PlanSummary } from '../components/gov-services/plan-summary';
import {
  loadBundles,
  loadMatter,
  loadTowns,
  planBundle,
  startApplication,
} from '../components/gov-services/portal-api';
import { PortalShell } from '../components/gov-services/portal-shell';
import { districtOf, TownSelect } from '../components/gov-services/town-select';
import type { Bundle, Plan } from '../components/gov-services/types';
import { useLoad } from '../components/use-load';
import { problemText } from '../i18n/translate';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

type Answers = Record<string, string | boolean>;

function Questions({
  bundle,
  answers,
  onChange,
}: {
  bundle: Bundle;
  answers: Answers;
  onChange: (a: Answers) => void;
}) {
  const t = useT();
  const name = useLocalName();
  return (
    <Form layout="vertical" name="portal-questions">
      {bundle.questions.map((question, index) => (
        <Form.Item
          key={question.code}
          label={`${index + 1}. ${name(question.text.zh, question.text.en)}`}
          data-testid={`portal-question-${question.code}`}
        >
          <Radio.Group
            value={answers[question.code]}
            onChange={(event) => onChange({ ...answers, [question.code]: event.target.value })}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          >
            {question.type === 'boolean' ? (
              <>
                <Radio value={true} data-testid={`portal-question-${question.code}-yes`}>
                  {t('portal.yes')}
                </Radio>
                <Radio value={false} data-testid={`portal-question-${question.code}-no`}>
                  {t('portal.no')}
                </Radio>
              </>
            ) : (
              question.options?.map((option) => (
                <Radio
                  key={option.value}
                  value={option.value}
                  data-testid={`portal-question-${question.code}-${option.value}`}
                >
                  {name(option.name.zh, option.name.en)}
                </Radio>
              ))
            )}
          </Radio.Group>
        </Form.Item>
      ))}
    </Form>
  );
}

/** 申请向导 (step 1): the bundle's questions or the matter, where to apply, and the live plan. */
export function PortalApplyPage() {
  const t = useT();
  const name = useLocalName();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const { kind = '', code = '' } = useParams();
  const [params] = useSearchParams();
  const isBundle = kind === 'bundle';
  const towns = useLoad(loadTowns, []);
  const bundles = useLoad(() => (isBundle ? loadBundles() : Promise.resolve([])), [isBundle]);
  const matter = useLoad(() => (isBundle ? Promise.resolve(undefined) : loadMatter(code)), [isBundle, code]);
  const bundle = bundles.data?.find((b) => b.code === code);
  const [answers, setAnswers] = useState<Answers>({});
  const [division, setDivision] = useState<string | undefined>(params.get('division') ?? undefined);
  const [plan, setPlan] = useState<Plan>();
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);
  const answered = Boolean(bundle?.questions.every((q) => answers[q.code] !== undefined));

  useEffect(() => {
    if (!division && towns.data?.[0]) setDivision(districtOf(towns.data[0].code));
  }, [division, towns.data]);

  // The plan follows the answers as they are given.
  useEffect(() => {
    if (!isBundle) {
      setPlan(matter.data?.plan);
      return;
    }
    if (!answered) {
      setPlan(undefined);
      return;
    }
    let current = true;
    planBundle(code, answers)
      .then((next) => current && setPlan(next))
      .catch(
        (error: unknown) =>
          current && setFailure(problemText(locale, problemOf(error)) ?? t('error.unknown')),
      );
    return () => {
      current = false;
    };
  }, [isBundle, code, answers, answered, matter.data, locale, t]);

  const start = async () => {
    if (!division) return;
    setPending(true);
    setFailure(undefined);
    try {
      const view = await startApplication(
        isBundle
          ? { bundleCode: code, answers, divisionCode: division }
          : { matterCode: code, divisionCode: division },
      );
      navigate(`/portal/applications/${view.application.id}`);
    } catch (error) {
      setFailure(problemText(locale, problemOf(error)) ?? t('error.unknown'));
    } finally {
      setPending(false);
    }
  };

  const title = isBundle
    ? bundle
      ? name(bundle.name.zh, bundle.name.en)
      : t('portal.apply.title')
    : matter.data
      ? name(matter.data.matter.name.zh, matter.data.matter.name.en)
      : t('portal.apply.title');
  const missing = isBundle ? bundles.data && !bundle : matter.failed;

  return (
    <PortalShell title={title}>
      {missing ? (
        <Result
          status="404"
          title={t('portal.matter.notFound')}
          extra={<Link to="/portal">{t('portal.nav.home')}</Link>}
        />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {isBundle && bundle && (
            <Card title={t('portal.apply.questions')}>
              <Typography.Paragraph>{name(bundle.guide.zh, bundle.guide.en)}</Typography.Paragraph>
              <Questions bundle={bundle} answers={answers} onChange={setAnswers} />
            </Card>
          )}
          <Card title={t('portal.apply.where')}>
            <TownSelect towns={towns.data ?? []} value={division} onChange={setDivision} />
          </Card>
          {plan ? (
            <Card title={t('portal.apply.planTitle')}>
              <PlanSummary plan={plan} />
            </Card>
          ) : isBundle && bundle && !answered ? (
            <Alert type="info" showIcon title={t('portal.apply.answerAll')} />
          ) : (
            <Spin />
          )}
          {failure && (
            <Alert type="error" showIcon role="alert" title={failure} data-testid="portal-start-error" />
          )}
          <Button
            type="primary"
            size="large"
            icon={<ArrowRightOutlined />}
            disabled={!plan || !division}
            loading={pending}
            onClick={start}
            data-testid="portal-start"
          >
            {t('portal.apply.start')}
          </Button>
        </Space>
      )}
    </PortalShell>
  );
}
