import type { Bundle } from '@zhizhi/services';

/** “一件事” bundles over the demo catalogue: questions in plain language decide the member matters. */
export const fenghuaBundles: Bundle[] = [
  {
    code: 'open_restaurant',
    name: { zh: '开餐馆“一件事”', en: 'Opening a restaurant' },
    guide: {
      zh: '一张表同时办理营业执照、食品经营许可、户外招牌和消防安全检查，承诺制事项当场出证。',
      en: 'One form for the business licence, food licence, shop sign and fire check; commitment-based permits are issued at once.',
    },
    questions: [
      {
        code: 'entity',
        text: { zh: '以什么形式经营？', en: 'How will you run it?' },
        type: 'choice',
        options: [
          { value: 'individual', name: { zh: '个体工商户', en: 'Sole trader' } },
          { value: 'company', name: { zh: '新设有限责任公司', en: 'A new limited company' } },
          {
            value: 'branch',
            name: { zh: '已有企业开设门店（分公司）', en: 'A branch of an existing company' },
          },
        ],
      },
      {
        code: 'has_signboard',
        text: { zh: '是否在门头设置户外招牌？', en: 'Will you put up a shop sign?' },
        type: 'boolean',
      },
      {
        code: 'seats',
        text: { zh: '餐厅规模（按建筑面积）？', en: 'How large is the restaurant (floor area)?' },
        type: 'choice',
        options: [
          { value: 'small', name: { zh: '建筑面积300平方米以下', en: 'Under 300 m²' } },
          { value: 'large', name: { zh: '建筑面积300平方米及以上', en: '300 m² or more' } },
        ],
      },
    ],
    matters: [
      { matterCode: '许可-00701-000', when: "answers.entity == 'individual'" },
      { matterCode: '许可-00702-000', when: "answers.entity == 'company'" },
      { matterCode: '许可-00708-000', when: "answers.entity == 'branch'" },
      { matterCode: '许可-00703-000' },
      { matterCode: '其他-00705-000', when: 'answers.has_signboard == true' },
      // Small restaurants are not 公众聚集场所 under the fire rules; large ones need the check.
      { matterCode: '许可-00704-000', when: "answers.seats == 'large'" },
    ],
  },
  {
    code: 'newborn',
    name: { zh: '新生儿出生“一件事”', en: 'Having a baby' },
    guide: {
      zh: '出生医学证明、户口登记、医保参保和社保卡申领一次办结，出生证明信息自动带入。',
      en: 'Birth certificate, household registration, medical insurance and social security card in one go.',
    },
    questions: [
      {
        code: 'want_card',
        text: { zh: '是否同时为孩子申领社会保障卡？', en: 'Apply for the child’s social security card too?' },
        type: 'boolean',
      },
    ],
    matters: [
      { matterCode: '公共服务-01002-000' },
      { matterCode: '确认-00501-000' },
      { matterCode: '确认-00401-000' },
      { matterCode: '公共服务-00304-000', when: 'answers.want_card == true' },
    ],
  },
  {
    code: 'retirement',
    name: { zh: '退休“一件事”', en: 'Retiring' },
    guide: {
      zh: '养老金申领、医保退休待遇核定和公积金提取一次申请，无需分别跑部门。',
      en: 'Pension, retiree medical cover and housing fund withdrawal in one application.',
    },
    questions: [
      {
        code: 'has_fund',
        text: { zh: '是否缴存了住房公积金？', en: 'Have you paid into the housing fund?' },
        type: 'boolean',
      },
    ],
    matters: [
      { matterCode: '给付-00302-000' },
      { matterCode: '确认-00404-000' },
      { matterCode: '公共服务-00201-003', when: 'answers.has_fund == true' },
    ],
  },
  {
    code: 'home_transfer',
    name: { zh: '不动产登记＋水电气过户“一件事”', en: 'Buying a home with utility transfers' },
    guide: {
      zh: '二手房过户时同步办理水、电、燃气过户，可一并申请公积金提取。',
      en: 'Transfer water, power and gas with the title, and withdraw from the housing fund in the same application.',
    },
    questions: [
      {
        code: 'has_gas',
        text: { zh: '房屋是否通管道燃气？', en: 'Does the home have piped gas?' },
        type: 'boolean',
      },
      {
        code: 'use_fund',
        text: { zh: '是否提取公积金支付房款？', en: 'Use the housing fund to pay?' },
        type: 'boolean',
      },
    ],
    matters: [
      { matterCode: '确认-00601-001' },
      { matterCode: '公共服务-01501-001' },
      { matterCode: '公共服务-01501-002' },
      { matterCode: '公共服务-01501-003', when: 'answers.has_gas == true' },
      { matterCode: '公共服务-00201-002', when: 'answers.use_fund == true' },
    ],
  },
  {
    code: 'start_company',
    name: { zh: '企业开办“一件事”', en: 'Starting a company' },
    guide: {
      zh: '营业执照、公章刻制、社保登记和公积金缴存登记一日办结。',
      en: 'Business licence, company seal, social insurance and housing fund registration in one day.',
    },
    questions: [
      { code: 'hires_staff', text: { zh: '是否招用员工？', en: 'Will you employ staff?' }, type: 'boolean' },
    ],
    matters: [
      { matterCode: '许可-00702-000' },
      { matterCode: '其他-00707-000' },
      { matterCode: '确认-00301-001', when: 'answers.hires_staff == true' },
      { matterCode: '公共服务-00203-000', when: 'answers.hires_staff == true' },
    ],
  },
];
