/** The defaulters module's API for other modules (the employer's risk profile). */
export { defaulterStateOf } from './defaulters.service';
