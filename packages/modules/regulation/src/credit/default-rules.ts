import type { RuleSetInput } from './rating';

/*
 * Default rule sets for the Fenghua demo. The classes follow the four-level enterprise credit
 * risk classification of SAMR's 2022 opinion on credit risk classification (A 低, B 一般, C 较高,
 * D 高). The thresholds (A ≥ 90, B 75–89, C 60–74, D < 60), the base score and the points are
 * assumptions for the demo, to be set by each department: no published Zhejiang scoring table
 * was used.
 */

const classes = { A: 90, B: 75, C: 60 };

/** The general rating for every market subject. */
export const GENERAL_RULE_SET = {
  code: 'general',
  name: { zh: '市场主体通用信用风险分类', en: 'General credit risk classification' },
  sector: null,
  baseScore: 90,
  classes,
  rules: [
    {
      code: 'status.revoked',
      description: { zh: '营业执照被吊销', en: 'Business licence revoked' },
      when: "subject.status == 'revoked'",
      points: -40,
      cap: 'D',
    },
    {
      code: 'penalty.licence_revoked',
      description: { zh: '被吊销许可证', en: 'A licence revoked as a penalty' },
      when: 'stats.licenceRevocations >= 1',
      points: -40,
      sources: ['penalty'],
      cap: 'D',
    },
    {
      code: 'penalty.serious',
      description: { zh: '严重违法失信行政处罚（严重程度 ≥ 70）', en: 'Serious administrative penalty' },
      when: 'stats.seriousPenalties >= 1',
      points: -30,
      sources: ['penalty'],
    },
    {
      code: 'penalty.recent',
      description: { zh: '近 12 个月内受到行政处罚', en: 'Administrative penalty in the last 12 months' },
      when: 'stats.penalties12m >= 1',
      points: -30,
      sources: ['penalty'],
      withinMonths: 12,
    },
    {
      code: 'penalty.earlier',
      description: {
        zh: '12 至 36 个月前受到行政处罚（仍在公示期）',
        en: 'Administrative penalty 12 to 36 months ago, still published',
      },
      when: 'stats.penalties36m > stats.penalties12m',
      points: -10,
      sources: ['penalty'],
      withinMonths: 36,
    },
    {
      code: 'penalty.repeated',
      description: { zh: '近 36 个月内受到 3 次以上行政处罚', en: 'Three or more penalties in 36 months' },
      when: 'stats.penalties36m >= 3',
      points: -15,
      sources: ['penalty'],
      withinMonths: 36,
    },
    {
      code: 'penalty.large_amount',
      description: { zh: '罚没款合计 10 万元以上', en: 'Fines and confiscations of 100,000 yuan or more' },
      when: 'stats.penaltyAmount >= 100000',
      points: -10,
      sources: ['penalty'],
    },
    {
      code: 'inspection.failed',
      description: { zh: '近 12 个月内检查不合格', en: 'Failed an inspection in the last 12 months' },
      when: 'stats.inspectionsFailed12m >= 1',
      points: -15,
      sources: ['inspection'],
      withinMonths: 12,
    },
    {
      code: 'commitment.broken',
      description: { zh: '未履行告知承诺', en: 'Broke a commitment made under 告知承诺' },
      when: 'stats.commitmentsBroken >= 1',
      points: -25,
      sources: ['commitment'],
    },
    {
      code: 'complaint.frequent',
      description: { zh: '近 12 个月内被投诉举报 3 次以上', en: 'Three or more complaints in 12 months' },
      when: 'stats.complaints12m >= 3',
      points: -10,
      sources: ['complaint'],
      withinMonths: 12,
    },
    {
      code: 'court.dishonest',
      description: { zh: '存在法院共享的失信信息', en: 'Court records of dishonesty shared by the courts' },
      when: 'stats.courtRecords >= 1',
      points: -30,
      sources: ['court'],
    },
    {
      code: 'tax.violation',
      description: { zh: '存在重大税收违法或欠税信息', en: 'Major tax violation or arrears' },
      when: 'stats.taxViolations >= 1',
      points: -20,
      sources: ['tax'],
    },
    {
      code: 'commitment.kept',
      description: { zh: '告知承诺经核查已履行', en: 'Kept a commitment made under 告知承诺' },
      when: 'stats.commitmentsKept >= 1',
      points: 5,
      sources: ['commitment'],
    },
    {
      code: 'inspection.passed',
      description: {
        zh: '近 12 个月内检查合格且无不合格记录',
        en: 'Passed inspections in the last 12 months and failed none',
      },
      when: 'stats.inspectionsPassed12m >= 1 && stats.inspectionsFailed12m == 0',
      points: 5,
      sources: ['inspection'],
      withinMonths: 12,
    },
  ],
} as const satisfies RuleSetInput;

/** The special rating for food businesses (食品经营, 餐饮服务): stricter on food safety. */
export const FOOD_RULE_SET = {
  code: 'food',
  name: { zh: '食品经营（餐饮）信用风险分类', en: 'Food business (catering) credit risk classification' },
  sector: 'food',
  baseScore: 90,
  classes,
  rules: [
    {
      code: 'status.revoked',
      description: { zh: '营业执照被吊销', en: 'Business licence revoked' },
      when: "subject.status == 'revoked'",
      points: -40,
      cap: 'D',
    },
    {
      code: 'food.licence_revoked',
      description: { zh: '食品经营许可证被吊销', en: 'Food business licence revoked' },
      when: 'stats.licenceRevocations >= 1',
      points: -40,
      sources: ['penalty'],
      cap: 'D',
    },
    {
      code: 'food.no_licence',
      description: { zh: '无有效食品经营许可证', en: 'No valid food business licence' },
      when: "subject.status == 'operating' && !('食品经营许可证' in subject.licenceTypes)",
      points: -20,
    },
    {
      code: 'food.penalty.serious',
      description: { zh: '食品安全严重违法（严重程度 ≥ 70）', en: 'Serious food safety violation' },
      when: 'stats.seriousPenalties >= 1',
      points: -30,
      sources: ['penalty'],
    },
    {
      code: 'food.penalty.recent',
      description: { zh: '近 12 个月内受到行政处罚', en: 'Administrative penalty in the last 12 months' },
      when: 'stats.penalties12m >= 1',
      points: -30,
      sources: ['penalty'],
      withinMonths: 12,
    },
    {
      code: 'food.penalty.earlier',
      description: {
        zh: '12 至 36 个月前受到行政处罚（仍在公示期）',
        en: 'Administrative penalty 12 to 36 months ago, still published',
      },
      when: 'stats.penalties36m > stats.penalties12m',
      points: -10,
      sources: ['penalty'],
      withinMonths: 36,
    },
    {
      code: 'food.inspection.failed',
      description: {
        zh: '近 12 个月内食品安全检查不合格',
        en: 'Failed a food safety inspection in 12 months',
      },
      when: 'stats.inspectionsFailed12m >= 1',
      points: -15,
      sources: ['inspection'],
      withinMonths: 12,
    },
    {
      code: 'food.inspection.failed_again',
      description: {
        zh: '近 12 个月内 2 次以上检查不合格',
        en: 'Failed two or more inspections in 12 months',
      },
      when: 'stats.inspectionsFailed12m >= 2',
      points: -10,
      sources: ['inspection'],
      withinMonths: 12,
    },
    {
      code: 'food.commitment.broken',
      description: { zh: '未履行告知承诺', en: 'Broke a commitment made under 告知承诺' },
      when: 'stats.commitmentsBroken >= 1',
      points: -25,
      sources: ['commitment'],
    },
    {
      code: 'food.complaint.frequent',
      description: { zh: '近 12 个月内被投诉举报 3 次以上', en: 'Three or more complaints in 12 months' },
      when: 'stats.complaints12m >= 3',
      points: -10,
      sources: ['complaint'],
      withinMonths: 12,
    },
    {
      code: 'food.complaint.many',
      description: { zh: '近 12 个月内被投诉举报 6 次以上', en: 'Six or more complaints in 12 months' },
      when: 'stats.complaints12m >= 6',
      points: -10,
      sources: ['complaint'],
      withinMonths: 12,
    },
    {
      code: 'food.commitment.kept',
      description: { zh: '告知承诺经核查已履行', en: 'Kept a commitment made under 告知承诺' },
      when: 'stats.commitmentsKept >= 1',
      points: 5,
      sources: ['commitment'],
    },
    {
      code: 'food.inspection.passed',
      description: {
        zh: '近 12 个月内食品安全检查合格且无不合格记录',
        en: 'Passed food safety inspections in 12 months and failed none',
      },
      when: 'stats.inspectionsPassed12m >= 1 && stats.inspectionsFailed12m == 0',
      points: 5,
      sources: ['inspection'],
      withinMonths: 12,
    },
  ],
} as const satisfies RuleSetInput;

/** Both default rule sets. */
export const DEFAULT_RULE_SETS = [GENERAL_RULE_SET, FOOD_RULE_SET] as const;
