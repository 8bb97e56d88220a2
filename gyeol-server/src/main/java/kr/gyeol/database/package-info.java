/**
 * Chooses the database: an external PostgreSQL named by {@code spring.datasource.*}, or
 * else a PostgreSQL that the gateway starts itself with its data under the data
 * directory.
 */
package kr.gyeol.database;
