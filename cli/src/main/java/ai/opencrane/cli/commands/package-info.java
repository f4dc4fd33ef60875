/**
 * One class per command group ({@code tenants}, {@code policies}, ...), each subcommand a small nested class on top
 * of the shared shapes: {@link ai.opencrane.cli.commands.ListCommand}, {@code GetCommand}, {@code CreateCommand},
 * {@code UpdateCommand}, {@code DeleteCommand}, {@code DriftCommand} and {@code RepairCommand}. The API's collections
 * and their table columns are in {@link ai.opencrane.cli.commands.Kinds}.
 */
package ai.opencrane.cli.commands;
