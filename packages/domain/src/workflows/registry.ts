import { arbitrationMachine } from './arbitration.machine';
import { consultationMachine } from './consultation.machine';
import type { AnyMachine } from './engine';
import { inspectionMachine } from './inspection.machine';
import { legalAidMachine } from './legal-aid.machine';
import { mediationMachine } from './mediation.machine';
import { petitionMachine } from './petition.machine';
import { transferMachine } from './transfer.machine';

/** Every declared machine, keyed by track (for generic lookups, e.g. the server's applyTransition). */
export const WORKFLOW_MACHINES = {
  consultation: consultationMachine,
  mediation: mediationMachine,
  arbitration: arbitrationMachine,
  inspection: inspectionMachine,
  petition: petitionMachine,
  legal_aid: legalAidMachine,
  transfer: transferMachine,
} as const satisfies Record<string, AnyMachine>;
