/** The transfers module's API for other modules (docs/ARCHITECTURE.md): import from '../transfers'. */
export { TRANSFER_SELECT, presentTransfers } from './transfers.presenter';
export { createTransfer, createTransferIn } from './transfers.service';
