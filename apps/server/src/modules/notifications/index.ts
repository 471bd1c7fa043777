/** The notifications module's API for other modules (docs/ARCHITECTURE.md): import from '../notifications'. */
export { providerFromConfig } from './notifications.providers';
export type { NotificationProvider } from './notifications.providers';
export { enqueueNotifications, enqueuePartyNotice, registerSmsDelivery } from './notifications.service';
export type { NewNotification } from './notifications.service';
