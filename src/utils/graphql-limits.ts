import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/** What one GraphQL operation may cost the server. */
export interface GraphqlLimits {
  /** Fields with an alias, over the whole document. */
  maxAliases: number;
  /** Fields to resolve, each counted once per row of every list above it (page sizes). */
  maxCost: number;
  /** The page size a list without its own pagination gets (the plugin's `defaultLimit`). */
  defaultPageSize: number;
  /** The largest page a list can ask for (the plugin's `maxLimit`); a page size given by a variable counts as this. */
  maxPageSize: number;
}

/**
 * A fragment that spreads itself through others, if any: `A → B → A`. Checked before validation,
 * where a depth count that follows spreads would recurse without end.
 */
export function fragmentCycle(document: DocumentNode): string[] | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const spreadsOf = (selectionSet: SelectionSetNode | undefined, into: Set<string>): Set<string> => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) into.add(selection.name.value);
      else spreadsOf(selection.selectionSet, into);
    }
    return into;
  };
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): string[] | null => {
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    if (state.get(name) === 'done' || !fragments.has(name)) return null;
    state.set(name, 'visiting');
    for (const next of spreadsOf(fragments.get(name)!.selectionSet, new Set())) {
      const cycle = visit(next, [...path, name]);
      if (cycle) return cycle;
    }
    state.set(name, 'done');
    return null;
  };
  for (const name of fragments.keys()) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return null;
}

/** The name of a fragment the document spreads but does not define, if any. */
export function unknownFragment(document: DocumentNode): string | null {
  const defined = new Set(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => (d as FragmentDefinitionNode).name.value));
  let missing: string | null = null;
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (missing) return;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (!defined.has(selection.name.value)) missing = selection.name.value;
      } else walk(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if ('selectionSet' in definition) walk(definition.selectionSet as SelectionSetNode | undefined);
  }
  return missing;
}

/** The number of aliased fields in the document. */
export function aliasCount(document: DocumentNode): number {
  let count = 0;
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.alias) count += 1;
      if (selection.kind !== Kind.FRAGMENT_SPREAD) walk(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) walk(definition.selectionSet);
  }
  return count;
}

/** The page size a field asks for with `pagination: { limit | pageSize }`, or undefined. */
function pageSizeOf(field: FieldNode, limits: GraphqlLimits): number | undefined {
  // Our own list queries take the page size as an argument of its own (`pageSize`, `limit`).
  const direct = field.arguments?.find((argument) => argument.name.value === 'pageSize' || argument.name.value === 'limit')?.value;
  if (direct) return numberOf(direct, limits);
  const pagination = field.arguments?.find((argument) => argument.name.value === 'pagination')?.value;
  if (!pagination) return undefined;
  if (pagination.kind === Kind.VARIABLE) return limits.maxPageSize;
  if (pagination.kind !== Kind.OBJECT) return undefined;
  const size = pagination.fields.find((entry) => entry.name.value === 'limit' || entry.name.value === 'pageSize')?.value;
  if (!size) return limits.defaultPageSize;
  return numberOf(size, limits);
}

function numberOf(value: ValueNode, limits: GraphqlLimits): number {
  if (value.kind === Kind.INT) return Math.min(Math.max(Number(value.value), 0), limits.maxPageSize);
  return limits.maxPageSize;
}

/**
 * The cost of an operation: every field counts once for each row of each list above it, a list
 * having the page size it asks for or the default. Fragments are costed once each and multiplied
 * where they are spread, so the count is linear in the document's size.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, limits: GraphqlLimits): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();

  const selectionCost = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType | undefined, pending: number | undefined): number => {
    let cost = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        cost += 1;
        if (!selection.selectionSet) continue;
        const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const type = definition ? getNullableType(definition.type) : undefined;
        const own = pageSizeOf(selection, limits);
        const named = definition ? getNamedType(definition.type) : undefined;
        const child = named && isCompositeType(named) ? named : undefined;
        if (type && isListType(type)) {
          cost += (own ?? pending ?? limits.defaultPageSize) * selectionCost(selection.selectionSet, child, undefined);
        } else {
          cost += selectionCost(selection.selectionSet, child, own ?? pending);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += selectionCost(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, pending);
      } else {
        const name = selection.name.value;
        const key = `${name}:${pending ?? ''}`;
        let fragmentCost = fragmentCosts.get(key);
        if (fragmentCost === undefined) {
          const fragment = fragments.get(name);
          const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
          fragmentCost = fragment ? selectionCost(fragment.selectionSet, condition && isCompositeType(condition) ? condition : undefined, pending) : 0;
          fragmentCosts.set(key, fragmentCost);
        }
        cost += fragmentCost;
      }
    }
    return cost;
  };

  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = definition.operation === 'query' ? schema.getQueryType() : definition.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    total += selectionCost(definition.selectionSet, root ?? undefined, undefined);
  }
  return total;
}

/** A validation rule that refuses a document over the alias or cost limit, saying which and by how much. */
export function operationLimitsRule(limits: GraphqlLimits) {
  return (context: ValidationContext) => {
    const document = context.getDocument();
    // The schema has no subscription root: such an operation would only fail when executed.
    if (!context.getSchema().getSubscriptionType()) {
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription') {
          context.reportError(new GraphQLError('This API has no subscriptions: send a query or a mutation.', { nodes: [definition] }));
          return {};
        }
      }
    }
    const aliases = aliasCount(document);
    if (aliases > limits.maxAliases) {
      context.reportError(new GraphQLError(`The query uses ${aliases} aliases; the limit is ${limits.maxAliases}.`, { extensions: { limit: 'aliases', value: aliases, max: limits.maxAliases } }));
    } else if (!fragmentCycle(document)) {
      const cost = operationCost(context.getSchema(), document, limits);
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(`The query would resolve ${cost} fields (fields × page sizes); the limit is ${limits.maxCost}. Ask for smaller pages or fewer fields.`, {
            extensions: { limit: 'cost', value: cost, max: limits.maxCost },
          }),
        );
      }
    }
    return {};
  };
}
