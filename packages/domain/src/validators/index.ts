export { MOD11_2_WEIGHTS, mod11_2CheckChar, USCC_CHARSET, USCC_WEIGHTS, usccCheckChar } from './checksum';
export {
  type CreditCodeErrorCode,
  type CreditCodeOk,
  type CreditCodeResult,
  USCC_AUTHORITIES,
  validateCreditCode,
} from './credit-code';
export {
  HMT_PREFIXES,
  IDENTITY_TYPE_LABELS,
  type IdErrorCode,
  type IdentityOk,
  type IdentityResult,
  type IdentityType,
  type IdFailure,
  PROVINCE_CODES,
  type ResidentIdOk,
  type ResidentIdResult,
  type Sex,
  validateForeignPermanentResidenceId,
  validateHmtResidencePermit,
  validateIdentity,
  validatePassport,
  validateResidentId,
} from './identity';
export { maskIdNumber, maskName, maskPhone } from './mask';
export {
  isMobilePhone,
  type PhoneErrorCode,
  type PhoneKind,
  type PhoneOk,
  type PhoneResult,
  validatePhone,
} from './phone';
export type { ValidationFailure } from './result';
