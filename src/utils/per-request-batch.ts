import type { Core } from '@strapi/strapi';

/**
 * For GraphQL fields computed from several rows at once: the parents whose field is asked for in
 * the same turn of one request are computed together by one call of `compute` (a page of 100
 * costs one query, not 100), and each parent once, however many of its fields are asked for.
 */
export function perRequestBatch<P extends object, R>(strapi: Core.Strapi, compute: (parents: P[]) => Promise<R[]>): (parent: P) => Promise<R> {
  const results = new WeakMap<object, Promise<R>>();
  type Waiting = { parent: P; resolve: (value: R) => void; reject: (error: unknown) => void };
  const batches = new WeakMap<object, Waiting[]>();
  const outsideRequests = {};

  const flush = async (key: object, batch: Waiting[]) => {
    batches.delete(key);
    try {
      const computed = await compute(batch.map((item) => item.parent));
      batch.forEach((item, index) => item.resolve(computed[index]));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };

  return (parent: P): Promise<R> => {
    let result = results.get(parent);
    if (!result) {
      const key = (strapi.requestContext.get() as object | undefined) ?? outsideRequests;
      let batch = batches.get(key);
      if (!batch) {
        const fresh: Waiting[] = [];
        batch = fresh;
        batches.set(key, fresh);
        setImmediate(() => void flush(key, fresh));
      }
      const waiting = batch;
      result = new Promise<R>((resolve, reject) => waiting.push({ parent, resolve, reject }));
      results.set(parent, result);
    }
    return result;
  };
}
