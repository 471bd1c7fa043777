/** What other modules may use of training (issue #19 items 5 and 6). */
export { outcomes } from './gold.service';
export { trainingModule } from './training.module';
export { personHours } from './training.service';
