export const PLUGIN_ID = 'document-lifecycle';
export const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';
