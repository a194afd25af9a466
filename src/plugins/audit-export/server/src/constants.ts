export const PLUGIN_ID = 'audit-export';
export const RECORD_UID = 'plugin::audit-export.export-record';
