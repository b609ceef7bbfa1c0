import type { DictionaryEntry } from '@zhizhi/services';

/** E-certificate types the demo dictionary and materials refer to (电子证照目录), with their items. */
export const fenghuaCertificateTypes = [
  {
    code: 'resident_id',
    zh: '居民身份证',
    en: 'Resident identity card',
    items: ['name', 'id_number', 'birth_date', 'address'],
  },
  {
    code: 'household_register',
    zh: '居民户口簿',
    en: 'Household register',
    items: ['register_no', 'household_head', 'address'],
  },
  {
    code: 'business_licence',
    zh: '营业执照',
    en: 'Business licence',
    items: ['uscc', 'name', 'legal_representative', 'address'],
  },
  {
    code: 'marriage_certificate',
    zh: '结婚证',
    en: 'Marriage certificate',
    items: ['certificate_no', 'spouse_name', 'registered_on'],
  },
  {
    code: 'property_certificate',
    zh: '不动产权证书',
    en: 'Real estate title certificate',
    items: ['certificate_no', 'unit_no', 'location', 'area'],
  },
  {
    code: 'birth_certificate',
    zh: '出生医学证明',
    en: 'Medical birth certificate',
    items: ['certificate_no', 'baby_name', 'born_on'],
  },
  {
    code: 'driving_licence',
    zh: '机动车驾驶证',
    en: 'Driving licence',
    items: ['licence_no', 'licence_class', 'valid_until'],
  },
  {
    code: 'vehicle_licence',
    zh: '机动车行驶证',
    en: 'Vehicle registration licence',
    items: ['plate_no', 'owner'],
  },
  {
    code: 'disability_certificate',
    zh: '中华人民共和国残疾人证',
    en: 'Disability certificate',
    items: ['certificate_no', 'category', 'level'],
  },
  { code: 'social_security_card', zh: '社会保障卡', en: 'Social security card', items: ['card_no'] },
  { code: 'food_business_licence', zh: '食品经营许可证', en: 'Food business licence', items: ['licence_no'] },
  {
    code: 'fire_safety_permit',
    zh: '公众聚集场所投入使用、营业前消防安全检查合格证',
    en: 'Fire safety certificate for a public venue',
    items: ['licence_no'],
  },
  {
    code: 'signboard_approval',
    zh: '户外招牌设置审批决定书',
    en: 'Shop sign approval',
    items: ['licence_no'],
  },
  {
    code: 'hygiene_licence',
    zh: '公共场所卫生许可证',
    en: 'Public venue hygiene licence',
    items: ['licence_no'],
  },
  { code: 'retirement_certificate', zh: '退休证', en: 'Retirement certificate', items: ['certificate_no'] },
] as const;

// Shared resources of the demo data catalog (data-catalog.ts), by the code the catalog assigns
// (classification code + '/000001': each classification is registered once in the demo).
const RESIDENTS = '101001/000001';
const INSURED = '301012001/000001';
const ENTITIES = '102001/000001';
const MARRIAGES = '301014002/000001';
const BIRTHS = '301016001/000001';
const REAL_ESTATE = '101003001/000001';
const MEDICAL = '301013001/000001';

type Kind = DictionaryEntry['personalData'];
type Supply = DictionaryEntry['supply'];
type Extra = Omit<DictionaryEntry, 'code' | 'name' | 'type' | 'personalData'>;

function entry(
  code: string,
  zh: string,
  en: string,
  type: DictionaryEntry['type'],
  personalData: Kind,
  extra: Extra = {},
): DictionaryEntry {
  return { code, name: { zh, en }, type, personalData, ...extra };
}

const from = (certificate?: [string, string], resource?: [string, string]): Supply => ({
  ...(certificate ? { certificate: { type: certificate[0], item: certificate[1] } } : {}),
  ...(resource ? { resource: { code: resource[0], item: resource[1] } } : {}),
});

const options = (...pairs: [value: string, zh: string, en: string][]) =>
  pairs.map(([value, zh, en]) => ({ value, name: { zh, en } }));

const sex = options(['male', '男', 'Male'], ['female', '女', 'Female']);

/** The shared field dictionary of the Fenghua demo catalogue: every matter's form fields refer to it. */
export const fenghuaFieldDictionary: DictionaryEntry[] = [
  // Applicant (person)
  entry('applicant_name', '申请人姓名', 'Applicant name', 'text', 'name', {
    maxLength: 50,
    supply: from(['resident_id', 'name'], [RESIDENTS, 'name']),
  }),
  entry('applicant_id_number', '身份证号', 'Resident ID number', 'id_number', 'id_number', {
    supply: from(['resident_id', 'id_number'], [RESIDENTS, 'id_number']),
  }),
  entry('applicant_sex', '性别', 'Sex', 'choice', 'other', {
    options: sex,
    supply: from(undefined, [RESIDENTS, 'sex']),
  }),
  entry('birth_date', '出生日期', 'Date of birth', 'date', 'birth_date', {
    supply: from(['resident_id', 'birth_date'], [RESIDENTS, 'birth_date']),
  }),
  entry('applicant_phone', '联系电话', 'Phone number', 'phone', 'phone'),
  entry('applicant_address', '联系地址', 'Contact address', 'address', 'address', { maxLength: 200 }),
  entry('household_address', '户籍地址', 'Registered household address', 'address', 'address', {
    maxLength: 200,
    supply: from(['household_register', 'address'], [RESIDENTS, 'household_address']),
  }),
  entry('household_register_no', '户口簿编号', 'Household register number', 'text', 'other', {
    maxLength: 20,
    supply: from(['household_register', 'register_no']),
  }),
  entry('township', '所在镇（街道）', 'Township or subdistrict', 'division', 'none'),
  entry('residence_address', '居住地址', 'Residential address', 'address', 'address', { maxLength: 200 }),
  entry('residence_since', '居住起始日期', 'Living there since', 'date', 'other'),
  entry('employer_name', '工作单位', 'Employer', 'text', 'other', { maxLength: 100 }),
  entry('agent_name', '代理人姓名', 'Agent name', 'text', 'name', { maxLength: 50 }),
  entry('agent_id_number', '代理人身份证号', 'Agent ID number', 'id_number', 'id_number'),
  entry('application_reason', '申请事由', 'Reason for the application', 'longtext', 'none', {
    maxLength: 1000,
  }),

  // Enterprise
  entry('uscc', '统一社会信用代码', 'Unified social credit code', 'uscc', 'none', {
    supply: from(['business_licence', 'uscc'], [ENTITIES, 'uscc']),
  }),
  entry('enterprise_name', '企业名称', 'Enterprise name', 'text', 'none', {
    maxLength: 100,
    supply: from(['business_licence', 'name'], [ENTITIES, 'entity_name']),
  }),
  entry('proposed_name', '拟设立名称', 'Proposed business name', 'text', 'none', { maxLength: 100 }),
  entry('legal_representative', '法定代表人（经营者）', 'Legal representative (operator)', 'text', 'name', {
    maxLength: 50,
    supply: from(['business_licence', 'legal_representative'], [ENTITIES, 'legal_representative']),
  }),
  entry(
    'legal_rep_id_number',
    '法定代表人身份证号',
    'Legal representative ID number',
    'id_number',
    'id_number',
  ),
  entry('registered_capital', '注册资本（万元）', 'Registered capital (10,000 yuan)', 'number', 'none', {
    min: 0,
    max: 10_000_000,
  }),
  entry('business_scope', '经营范围', 'Business scope', 'longtext', 'none', { maxLength: 2000 }),
  entry('premises_address', '经营场所', 'Business premises address', 'address', 'none', { maxLength: 200 }),
  entry('premises_area', '经营场所面积（平方米）', 'Premises floor area (m²)', 'number', 'none', {
    min: 0,
    max: 1_000_000,
  }),
  entry('employees', '从业人员数', 'Number of employees', 'integer', 'none', { min: 0, max: 100_000 }),
  entry('contact_person', '联系人', 'Contact person', 'text', 'name', { maxLength: 50 }),
  entry('food_business_items', '食品经营项目', 'Food business category', 'choice', 'none', {
    options: options(
      ['prepackaged', '预包装食品销售', 'Pre-packaged food sales'],
      ['bulk', '散装食品销售', 'Bulk food sales'],
      ['catering_hot', '热食类食品制售', 'Hot food preparation'],
      ['catering_cold', '冷食类食品制售', 'Cold food preparation'],
    ),
  }),
  entry('food_safety_manager', '食品安全管理人员', 'Food safety manager', 'text', 'name', { maxLength: 50 }),
  entry('seats', '就餐座位数', 'Number of seats', 'integer', 'none', { min: 0, max: 10_000 }),
  entry('venue_type', '场所类型', 'Venue type', 'choice', 'none', {
    options: options(
      ['restaurant', '餐饮场所', 'Restaurant'],
      ['hotel', '宾馆饭店', 'Hotel'],
      ['shop', '商场市场', 'Shop or market'],
      ['entertainment', '歌舞娱乐场所', 'Entertainment venue'],
    ),
  }),
  entry('signboard_text', '招牌文字内容', 'Signboard wording', 'text', 'none', { maxLength: 100 }),
  entry('signboard_area', '招牌面积（平方米）', 'Signboard area (m²)', 'number', 'none', {
    min: 0,
    max: 500,
  }),
  entry('project_name', '工程名称', 'Project name', 'text', 'none', { maxLength: 200 }),
  entry('project_address', '工程地址', 'Project site', 'address', 'none', { maxLength: 200 }),
  entry('construction_area', '建筑面积（平方米）', 'Gross floor area (m²)', 'number', 'none', {
    min: 0,
    max: 10_000_000,
  }),
  entry('contract_price', '合同价格（万元）', 'Contract price (10,000 yuan)', 'number', 'none', { min: 0 }),

  // Birth and marriage
  entry('child_name', '新生儿姓名', 'Newborn name', 'text', 'name', {
    maxLength: 50,
    supply: from(['birth_certificate', 'baby_name'], [BIRTHS, 'baby_name']),
  }),
  entry('child_birth_date', '新生儿出生日期', 'Newborn date of birth', 'date', 'birth_date', {
    supply: from(['birth_certificate', 'born_on'], [BIRTHS, 'born_on']),
  }),
  entry('child_sex', '新生儿性别', 'Newborn sex', 'choice', 'other', { options: sex }),
  entry('birth_certificate_no', '出生医学证明编号', 'Medical birth certificate number', 'text', 'other', {
    pattern: '^[A-Z]\\d{9}$',
    supply: from(['birth_certificate', 'certificate_no'], [BIRTHS, 'certificate_no']),
  }),
  entry('father_name', '父亲姓名', "Father's name", 'text', 'name', { maxLength: 50 }),
  entry('father_id_number', '父亲身份证号', "Father's ID number", 'id_number', 'id_number'),
  entry('mother_name', '母亲姓名', "Mother's name", 'text', 'name', { maxLength: 50 }),
  entry('mother_id_number', '母亲身份证号', "Mother's ID number", 'id_number', 'id_number', {
    supply: from(undefined, [BIRTHS, 'mother_id_number']),
  }),
  entry('birth_order', '生育孩次', 'Birth order', 'integer', 'other', { min: 1, max: 20 }),
  entry('marriage_certificate_no', '结婚证字号', 'Marriage certificate number', 'text', 'other', {
    maxLength: 30,
    supply: from(['marriage_certificate', 'certificate_no'], [MARRIAGES, 'certificate_no']),
  }),
  entry('spouse_name', '配偶姓名', "Spouse's name", 'text', 'name', {
    maxLength: 50,
    supply: from(['marriage_certificate', 'spouse_name']),
  }),
  entry('spouse_id_number', '配偶身份证号', "Spouse's ID number", 'id_number', 'id_number', {
    supply: from(undefined, [MARRIAGES, 'spouse_id_number']),
  }),
  entry('marital_status', '婚姻状况', 'Marital status', 'choice', 'other', {
    options: options(
      ['unmarried', '未婚', 'Unmarried'],
      ['married', '已婚', 'Married'],
      ['divorced', '离婚', 'Divorced'],
      ['widowed', '丧偶', 'Widowed'],
    ),
  }),

  // Household registration and vehicles
  entry('move_from_address', '迁出地地址', 'Moving from (address)', 'address', 'address', { maxLength: 200 }),
  entry('move_reason', '迁移原因', 'Reason for moving', 'choice', 'none', {
    options: options(
      ['home_purchase', '购房', 'Bought a home'],
      ['marriage', '投靠配偶', 'Joining a spouse'],
      ['work', '工作调动', 'Job transfer'],
      ['study', '升学', 'Study'],
    ),
  }),
  entry('vehicle_plate', '号牌号码', 'Plate number', 'text', 'other', {
    pattern: '^浙B[A-Z0-9]{5,6}$',
    supply: from(['vehicle_licence', 'plate_no']),
  }),
  entry('driving_licence_no', '驾驶证号', 'Driving licence number', 'text', 'other', {
    maxLength: 18,
    supply: from(['driving_licence', 'licence_no']),
  }),
  entry('licence_class', '准驾车型', 'Licence class', 'choice', 'none', {
    options: options(
      ['C1', 'C1 小型汽车', 'C1 car'],
      ['C2', 'C2 小型自动挡汽车', 'C2 automatic car'],
      ['B2', 'B2 大型货车', 'B2 heavy truck'],
      ['A1', 'A1 大型客车', 'A1 bus'],
    ),
    supply: from(['driving_licence', 'licence_class']),
  }),

  // Housing fund, social security and medical insurance
  entry('housing_fund_account', '住房公积金个人账号', 'Housing fund account', 'text', 'other', {
    pattern: '^\\d{9,12}$',
  }),
  entry('withdrawal_reason', '提取原因', 'Reason for withdrawal', 'choice', 'none', {
    options: options(
      ['rent', '租赁自住住房', 'Renting a home'],
      ['purchase', '购买自住住房', 'Buying a home'],
      ['retirement', '离休、退休', 'Retirement'],
    ),
  }),
  entry('loan_amount', '贷款金额（万元）', 'Loan amount (10,000 yuan)', 'number', 'income', {
    min: 1,
    max: 120,
  }),
  entry('loan_years', '贷款年限', 'Loan term (years)', 'integer', 'none', { min: 1, max: 30 }),
  entry('social_security_no', '社会保障号码', 'Social security number', 'text', 'other', {
    maxLength: 18,
    supply: from(['social_security_card', 'card_no']),
  }),
  entry('insured_since', '参保日期', 'Insured since', 'date', 'other', {
    supply: from(undefined, [INSURED, 'insured_since']),
  }),
  entry('insurance_kind', '参保险种', 'Insurance', 'choice', 'none', {
    options: options(
      ['pension', '基本养老保险', 'Basic pension insurance'],
      ['unemployment', '失业保险', 'Unemployment insurance'],
      ['injury', '工伤保险', 'Work injury insurance'],
    ),
  }),
  entry('retirement_date', '退休日期', 'Retirement date', 'date', 'other'),
  entry('unemployment_date', '失业日期', 'Unemployed since', 'date', 'other'),
  entry('medical_insurance_type', '医保险种', 'Medical insurance scheme', 'choice', 'none', {
    options: options(
      ['employee', '职工基本医疗保险', 'Employee scheme'],
      ['resident', '城乡居民基本医疗保险', 'Resident scheme'],
    ),
    supply: from(undefined, [MEDICAL, 'medical_insurance_type']),
  }),
  entry('destination_city', '就医地', 'Where treatment takes place', 'text', 'none', { maxLength: 50 }),

  // Real estate and utilities
  entry('property_certificate_no', '不动产权证号', 'Real estate title number', 'text', 'other', {
    pattern: '^浙[（(]\\d{4}[）)]奉化区不动产权第\\d{7}号$',
    supply: from(['property_certificate', 'certificate_no']),
  }),
  entry('property_unit_no', '不动产单元号', 'Real estate unit number', 'text', 'other', {
    pattern: '^\\d{12}[A-Z]{2}\\d{5}[A-Z]\\d{8}$',
    supply: from(['property_certificate', 'unit_no'], [REAL_ESTATE, 'unit_no']),
  }),
  entry('property_address', '不动产坐落', 'Property address', 'address', 'address', {
    maxLength: 200,
    supply: from(['property_certificate', 'location'], [REAL_ESTATE, 'location']),
  }),
  entry('property_area', '房屋建筑面积（平方米）', 'Property floor area (m²)', 'number', 'none', {
    min: 0,
    max: 100_000,
    supply: from(['property_certificate', 'area'], [REAL_ESTATE, 'area']),
  }),
  entry('transaction_price', '成交价格（万元）', 'Sale price (10,000 yuan)', 'number', 'other', { min: 0 }),
  entry('mortgagee', '抵押权人', 'Mortgagee', 'text', 'none', { maxLength: 100 }),
  entry('mortgage_amount', '被担保主债权数额（万元）', 'Secured claim (10,000 yuan)', 'number', 'other', {
    min: 0,
  }),
  entry('water_account', '供水户号', 'Water account number', 'text', 'other', { pattern: '^\\d{8,12}$' }),
  entry('power_account', '供电户号', 'Electricity account number', 'text', 'other', { pattern: '^\\d{10}$' }),
  entry('gas_account', '燃气户号', 'Gas account number', 'text', 'other', { pattern: '^\\d{8,12}$' }),

  // Welfare
  entry('bank_name', '开户银行', 'Bank', 'text', 'none', { maxLength: 100 }),
  entry('bank_account', '银行账号', 'Bank account number', 'text', 'other', { pattern: '^\\d{12,19}$' }),
  entry('monthly_income', '家庭月收入（元）', 'Monthly household income (yuan)', 'number', 'income', {
    min: 0,
  }),
  entry('household_size', '家庭人口数', 'Household size', 'integer', 'other', { min: 1, max: 30 }),
  entry('disability_certificate_no', '残疾人证号', 'Disability certificate number', 'text', 'health', {
    pattern: '^\\d{17}[\\dX][1-7][1-4](B\\d)?$',
    supply: from(['disability_certificate', 'certificate_no']),
  }),
  entry('disability_category', '残疾类别', 'Disability category', 'choice', 'health', {
    options: options(
      ['1', '视力残疾', 'Visual'],
      ['2', '听力残疾', 'Hearing'],
      ['3', '言语残疾', 'Speech'],
      ['4', '肢体残疾', 'Physical'],
      ['5', '智力残疾', 'Intellectual'],
      ['6', '精神残疾', 'Mental'],
      ['7', '多重残疾', 'Multiple'],
    ),
    supply: from(['disability_certificate', 'category']),
  }),
  entry('disability_level', '残疾等级', 'Disability grade', 'choice', 'health', {
    options: options(
      ['1', '一级', 'Grade 1'],
      ['2', '二级', 'Grade 2'],
      ['3', '三级', 'Grade 3'],
      ['4', '四级', 'Grade 4'],
    ),
    supply: from(['disability_certificate', 'level']),
  }),
  entry('care_level', '失能等级', 'Care needs level', 'choice', 'health', {
    options: options(
      ['none', '能力完好', 'Independent'],
      ['mild', '轻度失能', 'Mild'],
      ['moderate', '中度失能', 'Moderate'],
      ['severe', '重度失能', 'Severe'],
    ),
  }),
  entry('hardship_kind', '困难情形', 'Kind of hardship', 'choice', 'other', {
    options: options(
      ['illness', '重大疾病', 'Serious illness'],
      ['accident', '意外事故', 'Accident'],
      ['disaster', '自然灾害', 'Natural disaster'],
      ['other', '其他', 'Other'],
    ),
  }),
  entry('school_name', '报名学校', 'School applied to', 'text', 'none', { maxLength: 100 }),
];
