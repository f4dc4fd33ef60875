/** Printing results: tables and field lists for people, JSON and YAML (written here, no library) for scripts. */
package ai.opencrane.cli.output;
