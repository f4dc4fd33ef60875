/**
 * The {@code opencrane} command-line client: the entry point ({@link ai.opencrane.cli.Main}), the global options
 * ({@link ai.opencrane.cli.OpenCrane}), where a run connects and with which token ({@link ai.opencrane.cli.Session},
 * {@link ai.opencrane.cli.Credentials}), the HTTP client and how failures become messages and exit codes. Nothing
 * printed ever holds a token: output passes through {@link ai.opencrane.cli.Secrets}.
 */
package ai.opencrane.cli;
