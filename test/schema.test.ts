import { getTableName, is, SQL, type Table } from 'drizzle-orm';
import { getTableConfig as postgresTableConfig, PgDialect } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as postgres from '@/lib/db/schema/postgres';
import * as sqlite from '@/lib/db/schema/sqlite';

// The query modules are written once, typed against the Postgres schema, and run on either
// database (see lib/db/client.ts). That holds only while the two schema files describe the
// same tables; this is where a change made to one file and forgotten in the other shows.

type Config = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof postgresTableConfig>;

const render = {
  sqlite: (expression: SQL) => new SQLiteSyncDialect().sqlToQuery(expression).sql,
  postgres: (expression: SQL) => new PgDialect().sqlToQuery(expression).sql,
};

/** What a table promises the queries, in terms both dialects share; types are compared as drizzle's data types. */
function describeTable(config: Config, dialect: keyof typeof render) {
  const columnName = (column: { name: string } | SQL) => (is(column, SQL) ? render[dialect](column) : column.name);
  return {
    name: config.name,
    columns: config.columns.map((column) => {
      const generated = ('autoIncrement' in column && column.autoIncrement === true) || column.generatedIdentity !== undefined;
      return {
        name: column.name,
        dataType: column.dataType,
        enumValues: column.enumValues ?? null,
        notNull: column.notNull,
        primaryKey: column.primary,
        unique: column.isUnique ? column.uniqueName : null,
        // Default expressions differ by dialect (now() against unixepoch()); whether there is one, and a literal one's value, must not.
        default: column.default === undefined ? (generated ? 'generated' : null) : is(column.default, SQL) ? 'an expression' : column.default,
      };
    }),
    primaryKeys: config.primaryKeys.map((key) => key.columns.map((column) => column.name)),
    uniqueConstraints: config.uniqueConstraints.map((constraint) => ({
      name: constraint.name,
      columns: constraint.columns.map((column) => column.name),
    })),
    indexes: config.indexes
      .map(({ config: index }) => ({
        name: index.name,
        unique: index.unique,
        on: index.columns.map((column) => columnName(column as { name: string } | SQL)),
        where: index.where ? render[dialect](index.where) : null,
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys
      .map((key) => {
        const reference = key.reference();
        return {
          name: key.getName(),
          columns: reference.columns.map((column) => column.name),
          references: getTableName(reference.foreignTable as Table),
          foreignColumns: reference.foreignColumns.map((column) => column.name),
          onDelete: key.onDelete ?? 'no action',
          onUpdate: key.onUpdate ?? 'no action',
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    checks: config.checks.map((check) => ({ name: check.name, value: render[dialect](check.value) })),
  };
}

const tableNames = Object.keys(postgres) as (keyof typeof postgres)[];

describe('the SQLite and Postgres schemas', () => {
  it('define the same tables', () => {
    expect(Object.keys(sqlite).sort()).toEqual([...tableNames].sort());
  });

  it.each(tableNames)('describe %s alike: columns, keys, uniques, indexes, foreign keys and checks', (name) => {
    const described = describeTable(sqliteTableConfig(sqlite[name]), 'sqlite');
    expect(described).toEqual(describeTable(postgresTableConfig(postgres[name]), 'postgres'));
    // A description that left everything out would match too; this one must have said something.
    expect(described.columns.length).toBeGreaterThan(1);
  });

  it('give the queries the same row types', () => {
    expectTypeOf<typeof sqlite.users.$inferSelect>().toEqualTypeOf<typeof postgres.users.$inferSelect>();
    expectTypeOf<typeof sqlite.posts.$inferSelect>().toEqualTypeOf<typeof postgres.posts.$inferSelect>();
    expectTypeOf<typeof sqlite.followers.$inferSelect>().toEqualTypeOf<typeof postgres.followers.$inferSelect>();
    expectTypeOf<typeof sqlite.outbox.$inferSelect>().toEqualTypeOf<typeof postgres.outbox.$inferSelect>();
    expectTypeOf<typeof sqlite.throttle.$inferSelect>().toEqualTypeOf<typeof postgres.throttle.$inferSelect>();
    expectTypeOf<typeof sqlite.sessions.$inferSelect>().toEqualTypeOf<typeof postgres.sessions.$inferSelect>();
    expectTypeOf<typeof sqlite.users.$inferInsert>().toEqualTypeOf<typeof postgres.users.$inferInsert>();
    expectTypeOf<typeof sqlite.posts.$inferInsert>().toEqualTypeOf<typeof postgres.posts.$inferInsert>();
    expectTypeOf<typeof sqlite.followers.$inferInsert>().toEqualTypeOf<typeof postgres.followers.$inferInsert>();
    expectTypeOf<typeof sqlite.outbox.$inferInsert>().toEqualTypeOf<typeof postgres.outbox.$inferInsert>();
    expectTypeOf<typeof sqlite.throttle.$inferInsert>().toEqualTypeOf<typeof postgres.throttle.$inferInsert>();
    expectTypeOf<typeof sqlite.sessions.$inferInsert>().toEqualTypeOf<typeof postgres.sessions.$inferInsert>();
  });
});
