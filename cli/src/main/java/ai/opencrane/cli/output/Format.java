package ai.opencrane.cli.output;

/** How results are printed: {@code table} for people (the default), {@code json} and {@code yaml} for scripts. */
public enum Format {
    table, json, yaml
}
