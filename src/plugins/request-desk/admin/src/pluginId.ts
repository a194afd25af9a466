export const PLUGIN_ID = 'request-desk';
export const REQUEST_UID = 'api::disclosure-request.disclosure-request';
