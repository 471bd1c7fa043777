/**
 * The obligations module's API for the modules that issue binding documents (mediation, arbitration,
 * inspection, court) and for the portal (docs/ARCHITECTURE.md): import from '../obligations'.
 */
export {
  declarePayment,
  createObligations,
  itemsFromDocument,
  lockObligation,
  recordService,
  settleOnCompliance,
} from './obligations.service';
export type { CreateObligationsInput, ObligationItemInput } from './obligations.service';
export { findObligations } from './obligations.repository';
export { presentObligation, totalsOf } from './obligations.presenter';
export {
  declarePaymentBody,
  documentPaymentItems,
  obligationListSchema,
  obligationSchema,
} from './obligations.schema';
