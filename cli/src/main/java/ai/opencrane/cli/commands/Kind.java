package ai.opencrane.cli.commands;

import java.util.List;

import ai.opencrane.cli.Client;
import ai.opencrane.cli.output.Column;

/** A collection of the API: its path, how people call one of it, and the columns of its table. */
public record Kind(String path, String noun, String plural, List<Column> columns) {

    public String item(String id) {
        return path + "/" + Client.segment(id);
    }
}
