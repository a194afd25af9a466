import type { Core } from '@strapi/strapi';
import { VALIDITY_LABELS, type Validity } from '../../domain/lifecycle';

const POWER_UID = 'api::power-item.power-item';
const DOCUMENT_UID = 'api::normative-document.normative-document';
const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';

/** The states in which a document no longer stands as the basis of a power as written. */
const NO_LONGER_A_BASIS: Validity[] = ['amended', 'repealed', 'expired'];

interface EventRow {
  document: string;
  toValidity: Validity | null;
  date: string;
}

/**
 * Flags 权责清单 items for review the moment a document they rest on is amended, repealed or
 * expires. It listens to the lifecycle events themselves (whatever caused them: a transition,
 * the daily tick, a catch-up at publication) and runs in the event's transaction, so a
 * transition and its review flags are written together or not at all.
 */
export function subscribeBasisReview(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [EVENT_UID],
    async afterCreate(event) {
      const { document, toValidity, date } = (event as unknown as { result: EventRow }).result;
      if (!toValidity || !NO_LONGER_A_BASIS.includes(toValidity)) return;
      const items = (await strapi.db.query(POWER_UID).findMany({
        where: { basisDocuments: { documentId: document } },
        select: ['id'],
      })) as { id: number }[];
      if (items.length === 0) return;
      const basis = (await strapi.db.query(DOCUMENT_UID).findOne({
        where: { documentId: document },
        select: ['title', 'documentNumber'],
        orderBy: { publishedAt: 'asc' },
      })) as { title: string; documentNumber: string | null } | null;
      const named = basis ? `《${basis.title}》${basis.documentNumber ? `（${basis.documentNumber}）` : ''}` : document;
      await strapi.db.query(POWER_UID).updateMany({
        where: { id: { $in: items.map((item) => item.id) } },
        data: {
          needsReview: true,
          reviewReason: `实施依据${named}于${date}${VALIDITY_LABELS[toValidity]}，请复核本事项`.slice(0, 500),
          reviewFlaggedOn: date,
        },
      });
    },
  });
}
