import type { Core } from '@strapi/strapi';
import type * as NexusModule from 'nexus';
import { perRequestBatch } from '../../utils/per-request-batch';
import { STEP_UID, UID, type ClockFields, type DisclosureRequestService } from './services/disclosure-request';

type Nexus = typeof NexusModule;

interface Naming {
  getTypeName: (contentType: unknown) => string;
}

/**
 * GraphQL answers about a request carry its clock as REST's do: `status`, `statusLabel`, `clock`,
 * `workingDaysLeft` and, when the deadline cannot be counted, `calendarProblem` (beside the stored
 * `handlingStatus`, `dueOn` and `overdue`). The steps are reachable only through their request's routes.
 */
export function registerRequestGraphql(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension');
  extension.shadowCRUD(STEP_UID).disable();
  const typeName = (strapi.plugin('graphql').service('utils').naming as Naming).getTypeName(strapi.contentType(UID));
  const clockOf = perRequestBatch<{ documentId: string; receivedOn?: unknown }, ClockFields>(strapi, (requests) =>
    (strapi.service(UID) as unknown as DisclosureRequestService).decorate(requests.map(({ documentId, receivedOn }) => ({ documentId, receivedOn }))),
  );
  extension.use(({ nexus }: { nexus: Nexus }) => ({
    types: [
      nexus.extendType({
        type: typeName,
        definition(t) {
          t.string('status', { description: 'The handling status the steps give the request', resolve: async (request: { documentId: string }) => (await clockOf(request)).status });
          t.string('statusLabel', { resolve: async (request: { documentId: string }) => (await clockOf(request)).statusLabel });
          t.string('clock', { description: 'running, paused or stopped', resolve: async (request: { documentId: string }) => (await clockOf(request)).clock });
          t.int('workingDaysLeft', { resolve: async (request: { documentId: string }) => (await clockOf(request)).workingDaysLeft });
          t.string('calendarProblem', { resolve: async (request: { documentId: string }) => (await clockOf(request)).calendarProblem ?? null });
        },
      }),
    ],
  }));
}
