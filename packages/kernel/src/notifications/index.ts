export {
  createNotificationService,
  type NotificationService,
  type NotifyInput,
} from './notification-service';
export { notificationsMessage } from './schema';
