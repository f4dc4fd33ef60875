package ai.opencrane.cli.commands;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

import ai.opencrane.cli.Session;

/** {@code list}: one page of a collection, or every page with {@code --all}. */
public abstract class ListCommand extends ApiCommand {

    @Option(names = "--limit", paramLabel = "N", description = "Items per page, 1 to 1000 (the server's default: 100).")
    Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR",
            description = "Start after this cursor (an earlier page's nextCursor).")
    String cursor;

    @Option(names = "--all", description = "Follow nextCursor to the last page and show every item.")
    boolean all;

    protected abstract Kind kind();

    /** Query parameters that narrow the list. */
    protected void filters(Map<String, String> query) {
    }

    @Override
    protected void run(Session s) {
        Map<String, String> query = new LinkedHashMap<>();
        filters(query);
        s.output().list(Pages.fetch(s.client(), kind().path(), query, limit, cursor, all), kind().columns(), kind().plural());
    }
}
