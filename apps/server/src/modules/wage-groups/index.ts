/** The wage-groups module's API for other modules (the portal shows a worker his own line). */
export { workerView } from './wage-groups.service';
export { workerLedgerSchema } from './wage-groups.schema';
