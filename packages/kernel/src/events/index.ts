export {
  createEventBus,
  type EventBus,
  type EventBusOptions,
  type EventMap,
  type EventType,
  type DeliveredEvent,
  type EventHandler,
} from './event-bus';
export { eventsOutbox } from './schema';
