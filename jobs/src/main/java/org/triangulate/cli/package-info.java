/**
 * The {@code triangulate} command line: one subcommand per operation (demo, run, serve, es,
 * validate, history, generate-demo), each booting only what it needs.
 */
package org.triangulate.cli;
