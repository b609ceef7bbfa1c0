// A small catalogue for tests: three matters of the 开餐馆 bundle and their dictionary fields.
import {
  type Bundle,
  bundleSchema,
  type DictionaryEntry,
  dictionaryEntrySchema,
  type Matter,
  type MatterInput,
  matterSchema,
} from '../catalogue/types';

export const n = (zh: string, en: string) => ({ zh, en });
const DISTRICT = '330213000000';
/** A shared resource of residents (the test provides it through the kernel's shared-data port). */
export const RESIDENTS = '330213/gaj/101001-001';

export const dictionary: DictionaryEntry[] = [
  {
    code: 'applicant_name',
    name: n('申请人姓名', 'Applicant name'),
    type: 'text',
    maxLength: 50,
    personalData: 'name',
    supply: {
      certificate: { type: 'resident_id', item: 'name' },
      resource: { code: RESIDENTS, item: 'name' },
    },
  },
  {
    code: 'id_number',
    name: n('公民身份号码', 'ID number'),
    type: 'id_number',
    personalData: 'id_number',
    supply: {
      certificate: { type: 'resident_id', item: 'id_number' },
      resource: { code: RESIDENTS, item: 'id_number' },
    },
  },
  { code: 'phone', name: n('联系电话', 'Phone'), type: 'phone', personalData: 'phone' },
  { code: 'shop_name', name: n('字号名称', 'Trade name'), type: 'text', maxLength: 60, personalData: 'none' },
  {
    code: 'premises',
    name: n('经营场所', 'Premises'),
    type: 'address',
    maxLength: 200,
    personalData: 'address',
  },
  {
    code: 'area',
    name: n('经营面积（平方米）', 'Floor area (m²)'),
    type: 'number',
    min: 1,
    max: 100000,
    personalData: 'none',
  },
  {
    code: 'sign_text',
    name: n('招牌文字', 'Signboard text'),
    type: 'text',
    maxLength: 40,
    personalData: 'none',
  },
].map((e) => dictionaryEntrySchema.parse(e));

const upload = { kind: 'upload' as const, accept: ['application/pdf', 'image/jpeg'] };
const base = {
  version: 1,
  departmentCode: 'scjgj',
  divisionCodes: [DISTRICT],
  kind: 'promised' as const,
  visits: 0 as const,
  applicantTypes: ['person' as const],
  channels: ['web' as const, 'window' as const],
  fees: [],
  guide: n('办事指南', 'Guide'),
};
export const matterInputs: MatterInput[] = [
  {
    ...base,
    code: '许可-00101-000',
    name: n('个体工商户设立登记', 'Sole proprietorship registration'),
    legalLimit: { value: 15, unit: 'working_days' },
    promisedLimit: { value: 1, unit: 'working_days' },
    issues: { type: 'business_licence', name: n('营业执照', 'Business licence') },
    fields: [
      { field: 'applicant_name', required: true },
      { field: 'id_number', required: true },
      { field: 'shop_name', required: true },
      { field: 'premises', required: true },
    ],
    materials: [
      {
        code: 'id_card',
        name: n('身份证', 'ID card'),
        required: true,
        source: { kind: 'certificate', certificateType: 'resident_id' },
      },
      { code: 'lease', name: n('场所使用证明', 'Proof of premises'), required: true, source: upload },
    ],
  },
  {
    ...base,
    code: '许可-00102-000',
    name: n('食品经营许可', 'Food business permit'),
    legalLimit: { value: 20, unit: 'working_days' },
    promisedLimit: { value: 5, unit: 'working_days' },
    commitment: true,
    issues: { type: 'food_licence', name: n('食品经营许可证', 'Food business licence') },
    fields: [
      { field: 'applicant_name', required: true },
      { field: 'id_number', required: true },
      { field: 'premises', required: true },
      { field: 'area', required: true },
      { field: 'phone', required: false },
    ],
    materials: [
      {
        code: 'id_card',
        name: n('身份证', 'ID card'),
        required: true,
        source: { kind: 'certificate', certificateType: 'resident_id' },
      },
      { code: 'lease', name: n('场所使用证明', 'Proof of premises'), required: false, source: upload },
      { code: 'layout', name: n('平面布局图', 'Floor plan'), required: true, source: upload },
    ],
  },
  {
    ...base,
    code: '许可-00103-000',
    name: n('户外招牌设置', 'Outdoor signboard'),
    departmentCode: 'zhzf',
    legalLimit: { value: 10, unit: 'working_days' },
    promisedLimit: { value: 3, unit: 'working_days' },
    // 智能秒办: an adult's short sign text needs no person to look at it.
    instantRules: ['shared.age >= 18', 'size(form.sign_text) <= 10'],
    fields: [
      { field: 'applicant_name', required: true },
      { field: 'sign_text', required: true },
      { field: 'phone', required: true },
    ],
    materials: [
      { code: 'sign_design', name: n('招牌效果图', 'Signboard design'), required: true, source: upload },
    ],
  },
];
export const matters = new Map<string, Matter>(matterInputs.map((m) => [m.code, matterSchema.parse(m)]));
export const byCode = new Map(dictionary.map((e) => [e.code, e]));
export const restaurant: Bundle = bundleSchema.parse({
  code: 'open_restaurant',
  name: n('开餐馆一件事', 'Open a restaurant'),
  guide: n('一次告知、一表申请', 'One form, one set of materials'),
  questions: [
    {
      code: 'has_signboard',
      text: n('是否设置户外招牌？', 'Will you put up an outdoor sign?'),
      type: 'boolean',
    },
  ],
  matters: [
    { matterCode: '许可-00101-000' },
    { matterCode: '许可-00102-000' },
    { matterCode: '许可-00103-000', when: 'answers.has_signboard == true' },
  ],
});
