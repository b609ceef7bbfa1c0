import './events';

export { createSharing, type Sharing } from './create-sharing';
export { SHARE_PERMISSIONS } from './permissions';
export { SHARE_REQUEST_TYPE, shareRequestType } from './case-type';
export { type AccessEntry, createAccessMeter, verifyAccessLog, accessEntryHash } from './access-log';
export { type GatewayAnswer, type GatewayCall, decodeMatterHeader } from './gateway';
export { createSharedDataProvider } from './port-provider';
export type { GrantForMatterInput, SeededGrant } from './seed-grant';
export { effectiveStatus, newConsumerKey } from './grant-service';
export { type GrantItem, dataAccessLog, dataGrantUsage, dataShareGrant, dataShareRequest } from './schema';
export { type Grade, type MaskMode, type PersonalKind, maskModeFor, maskValue } from './mask';
