import { Prisma } from "./generated/prisma/client";

// Prepared statements (CONTRIBUTING, "Prepared statements"). PostgreSQL parses and plans every
// statement it is sent without a name, each time: on a proposal's path that was more than half of
// the time its four statements took in the server (BENCHMARKS.md, "sixth pass"). A statement sent
// under a name is parsed once per connection, and after five runs PostgreSQL keeps one plan for it
// when that plan is as good as the ones made for each run's values.

/** The comment a statement starts with when it is to be prepared: what `statementName` looks for. */
const MARK = "/* prepared */ ";

/**
 * `$queryRaw`'s tagged template, for a statement to be prepared once per connection: one that runs
 * on every request of a hot path and whose best plan does not depend on its values (rows found by
 * their key). Not for a search, whose plan depends on what is searched.
 *
 * ```ts
 * const [user] = await db.$queryRaw<Row[]>(prepared`SELECT … FROM "User" WHERE id = ${id}::uuid`);
 * ```
 */
export function prepared(strings: TemplateStringsArray, ...values: unknown[]): Prisma.Sql {
  return new Prisma.Sql([MARK + strings[0], ...strings.slice(1)], values as ConstructorParameters<typeof Prisma.Sql>[1]);
}

/** More marked texts than this in one process means a marked statement's text varies: the rest run unnamed. */
const MOST_NAMES = 64;

/**
 * The adapter's statement names (PrismaPg's `statementNameGenerator`): one name per marked text,
 * none (undefined: `pg` sends the statement unnamed, as without a generator) for any other. `pg` parses a named statement on a connection the first time it
 * sends it there and only binds it afterwards.
 */
export function statementNames(most = MOST_NAMES): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    if (!sql.startsWith(MARK)) return undefined;
    let name = names.get(sql);
    if (!name && names.size < most) names.set(sql, (name = `fairlance_${names.size + 1}`));
    return name;
  };
}
