import type { CaseTypeDefinitionInput } from '@zhizhi/kernel/cases';
import { PLACES_PERMISSIONS as P } from '../permissions';

const n = (zh: string, en: string) => ({ zh, en });

export const REVIEW_CASE_TYPE = 'places_address_review';

/**
 * 地址审核: a departmental record that matched with low confidence, conflicts with the library, or
 * names an entry the library lacks. The reviewer (地名管理, 区民政局) accepts — the record joins the
 * entry and its spelling becomes an alias, or the proposed entry is created — or rejects.
 */
export const addressReviewType: CaseTypeDefinitionInput = {
  code: REVIEW_CASE_TYPE,
  name: n('地址审核', 'Address review'),
  numberPrefix: 'DZSH',
  openPermission: P.import,
  readPermission: P.read,
  fields: [
    { code: 'kind', name: n('审核类型', 'Kind'), type: 'text', required: true, maxLength: 16 },
    { code: 'import_id', name: n('导入批次', 'Import'), type: 'text', maxLength: 36 },
    { code: 'raw', name: n('原始地址', 'Address as written'), type: 'text', required: true, maxLength: 500 },
    {
      code: 'standard',
      name: n('规范化地址', 'Normalised address'),
      type: 'text',
      required: true,
      maxLength: 500,
    },
    { code: 'records', name: n('记录数', 'Records'), type: 'number' },
    { code: 'candidate_id', name: n('候选标准地址', 'Candidate entry'), type: 'text', maxLength: 36 },
    { code: 'candidate', name: n('候选地址', 'Candidate address'), type: 'text', maxLength: 500 },
    { code: 'confidence', name: n('置信度', 'Confidence'), type: 'number' },
    { code: 'reason', name: n('需审核原因', 'Why review'), type: 'longtext', maxLength: 2000 },
    { code: 'decision_note', name: n('审核意见', 'Decision note'), type: 'longtext', maxLength: 2000 },
  ],
  states: [
    { code: 'open', name: n('待审核', 'To review') },
    { code: 'accepted', name: n('已采纳', 'Accepted'), final: true },
    { code: 'rejected', name: n('已驳回', 'Rejected'), final: true },
  ],
  initialState: 'open',
  transitions: [
    { code: 'accept', name: n('采纳', 'Accept'), from: ['open'], to: 'accepted', permission: P.review },
    { code: 'reject', name: n('驳回', 'Reject'), from: ['open'], to: 'rejected', permission: P.review },
  ],
};
