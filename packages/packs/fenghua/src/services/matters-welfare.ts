import type { MatterInput } from '@zhizhi/services';
import { cert, fields, matter, upload } from './matter-kit';

const person = ['person'] as MatterInput['applicantTypes'];
const PERSON = ['applicant_name', 'applicant_id_number', 'applicant_phone'];

/** Elderly care and social assistance (区民政局; one township-only service). */
export const welfareMatters: MatterInput[] = [
  matter({
    code: '给付-00801-000',
    name: ['高龄津贴发放', 'Old-age allowance for people over 80'],
    departmentCode: 'mzj',
    limits: [20, 5],
    visits: 0,
    applicantTypes: person,
    fields: fields(...PERSON, 'birth_date', 'household_address', 'bank_account'),
    materials: [cert('resident_id'), cert('household_register')],
    guide: [
      '本区户籍年满80周岁的老年人按月领取高龄津贴。',
      'Registered residents aged 80 or more receive a monthly allowance.',
    ],
    instantRules: ['shared.age >= 80', "shared.household_address.startsWith('浙江省宁波市奉化区')"],
  }),
  matter({
    code: '给付-00802-000',
    name: ['居家养老服务补贴', 'Home care subsidy for the elderly'],
    departmentCode: 'mzj',
    limits: [20, 10],
    visits: 0,
    applicantTypes: person,
    fields: fields(
      ...PERSON,
      'birth_date',
      'household_address',
      'care_level',
      'monthly_income',
      'agent_name?',
    ),
    materials: [
      cert('resident_id'),
      upload('care_assessment', '老年人能力评估报告', 'Care needs assessment'),
    ],
    guide: [
      '经评估失能的低保、低边等困难老年人，可享受居家养老服务补贴。',
      'Low-income elderly people assessed as needing care receive home care vouchers.',
    ],
  }),
  matter({
    code: '给付-00803-000',
    name: ['最低生活保障', 'Minimum living allowance (dibao)'],
    departmentCode: 'mzj',
    limits: [30, 15],
    visits: 0,
    applicantTypes: person,
    fields: fields(
      ...PERSON,
      'household_address',
      'household_size',
      'monthly_income',
      'bank_account',
      'application_reason',
    ),
    materials: [
      cert('resident_id'),
      cert('household_register'),
      upload('income_statement', '家庭收入与财产申报', 'Household income and assets statement'),
    ],
    guide: [
      '家庭人均收入低于本区低保标准且财产符合规定的户籍家庭可申请，经核对后按月发放。',
      'Households below the local line receive monthly support after an income and assets check.',
    ],
  }),
  matter({
    code: '给付-00804-000',
    name: ['困难残疾人生活补贴和重度残疾人护理补贴', 'Disability living and care subsidies'],
    departmentCode: 'mzj',
    limits: [20, 10],
    visits: 0,
    applicantTypes: person,
    fields: fields(
      ...PERSON,
      'disability_certificate_no',
      'disability_category',
      'disability_level',
      'bank_account',
    ),
    materials: [cert('resident_id'), cert('disability_certificate')],
    guide: [
      '持第二代残疾人证的困难残疾人和一、二级重度残疾人，可申领两项补贴。',
      'Low-income disabled people and those with grade 1–2 disabilities receive the two subsidies.',
    ],
    instantRules: ["shared.disability_level in ['1', '2']", "form.disability_certificate_no != ''"],
  }),
  matter({
    code: '给付-00805-000',
    name: ['临时救助', 'Temporary assistance'],
    departmentCode: 'mzj',
    limits: [20, 5],
    visits: 0,
    applicantTypes: person,
    fields: fields(
      ...PERSON,
      'household_address',
      'hardship_kind',
      'household_size',
      'application_reason',
      'bank_account',
    ),
    materials: [cert('resident_id'), upload('hardship_proof', '困难情况证明', 'Proof of hardship')],
    guide: [
      '因突发事件、意外伤害、重大疾病导致基本生活暂时困难的家庭可申请。',
      'Families in sudden hardship from accidents, illness or disaster can apply.',
    ],
  }),
  matter({
    code: '公共服务-00806-000',
    name: ['老年人优待证办理（莼湖街道）', 'Senior citizen card (Chunhu)'],
    departmentCode: 'bmfw-330213008',
    divisionCodes: ['330213008000'],
    limits: [0, 0],
    visits: 1,
    applicantTypes: person,
    fields: fields(...PERSON, 'birth_date', 'residence_address'),
    materials: [cert('resident_id'), upload('photo', '近期免冠照片', 'Recent photo')],
    guide: [
      '年满60周岁的老年人在街道便民服务中心当场领取优待证。',
      'People of 60 and over get the card on the spot at the subdistrict service centre.',
    ],
  }),
];

/** Marriage, birth and school (区民政局, 区卫健局, 区教育局). */
export const familyMatters: MatterInput[] = [
  matter({
    code: '确认-00901-000',
    name: ['内地居民结婚登记', 'Marriage registration'],
    departmentCode: 'mzj',
    limits: [0, 0],
    visits: 1,
    applicantTypes: person,
    channels: ['window'],
    fields: fields(...PERSON, 'household_address', 'spouse_name', 'spouse_id_number', 'marital_status'),
    materials: [cert('resident_id'), upload('photo', '双方近期半身免冠合影照片', 'Joint photo', true, 3)],
    guide: [
      '男女双方须共同到场，可在“浙里办”预约，婚姻登记全省通办。',
      'Both partners attend in person; book online; any office in Zhejiang will do.',
    ],
  }),
  matter({
    code: '公共服务-01001-000',
    name: ['生育登记', 'Birth registration with the health authority'],
    departmentCode: 'wjj',
    limits: [0, 0],
    visits: 0,
    applicantTypes: person,
    fields: fields(
      ...PERSON,
      'spouse_name',
      'spouse_id_number',
      'marriage_certificate_no?',
      'birth_order',
      'residence_address',
    ),
    materials: [cert('resident_id'), cert('marriage_certificate', false)],
    guide: [
      '夫妻生育子女均可在网上办理生育登记，不再审批。',
      'Couples register a birth online; there is no approval any more.',
    ],
  }),
  matter({
    code: '公共服务-01002-000',
    name: ['出生医学证明签发', 'Issuing the medical birth certificate'],
    departmentCode: 'wjj',
    limits: [0, 0],
    visits: 0,
    applicantTypes: person,
    fields: fields(
      'child_name',
      'child_sex',
      'child_birth_date',
      'mother_name',
      'mother_id_number',
      'father_name?',
      'father_id_number?',
    ),
    materials: [cert('resident_id'), upload('birth_record', '分娩记录', 'Delivery record')],
    guide: [
      '新生儿在本区助产机构出生的，由助产机构签发出生医学证明，同步生成电子证照。',
      'The maternity hospital issues the certificate, also as an e-certificate.',
    ],
  }),
  matter({
    code: '公共服务-01301-000',
    name: ['义务教育阶段入学报名', 'Primary and junior school enrolment'],
    departmentCode: 'jyj',
    limits: [30, 15],
    unit: 'days',
    visits: 0,
    applicantTypes: person,
    fields: fields(
      'child_name',
      'child_birth_date',
      ...PERSON,
      'household_address',
      'residence_address',
      'school_name',
    ),
    materials: [
      cert('household_register'),
      cert('property_certificate', false),
      upload('residence_proof', '居住证明', 'Proof of residence', false),
    ],
    guide: [
      '适龄儿童按学区报名，户籍、房产信息在线核验。',
      'Children enrol by catchment area; household and property records are checked online.',
    ],
  }),
];
