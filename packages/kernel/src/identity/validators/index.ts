export type { ValidationFailure } from './validation-result';
export {
  validateIdNumber,
  idNumberCheckCharacter,
  type IdNumberInfo,
  type IdNumberResult,
  type IdNumberFailureCode,
  type ValidateIdNumberOptions,
} from './id-number';
export {
  validateUscc,
  usccCheckCharacter,
  type UsccInfo,
  type UsccResult,
  type UsccFailureCode,
  type ValidateUsccOptions,
  type CodeName,
} from './uscc';
export {
  validateDivisionCode,
  type DivisionCodeInfo,
  type DivisionCodeResult,
  type DivisionLevel,
  type TownKind,
  type VillageKind,
} from './division-code';
export { validateMobile, type MobileInfo, type MobileResult } from './mobile';
export { maskIdNumber, maskPhone, maskName } from './mask';
