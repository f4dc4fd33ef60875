package ai.opencrane.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/** JSON, YAML, tables and field lists as the client prints them. */
class FormatsTest {

    private static JsonValue json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readValue();
        }
    }

    @Test
    void jsonIsIndentedByTwoSpacesInTheServersOrder() {
        assertEquals("{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ],\n  \"e\": {},\n  \"f\": []\n}",
                JsonText.pretty(json("{\"b\":1,\"a\":[true,null],\"e\":{},\"f\":[]}")));
    }

    @Test
    void yamlQuotesOnlyWhatWouldReadBackAsSomethingElseKeysToo() {
        String yaml = YamlText.of(json("""
                {"name":"alice","when":"2026-11-27T10:00:00Z","yes":"yes","num":"42","cpu":"500m","empty":"",
                 "url":"https://x.example.com/a#b","star":"*.example.org","dash":"-x","multi":"a\\nb","n":3.5,"b":false,"z":null,
                 "list":[{"cidr":"10.0.0.0/8","ports":[443]},"plain",[]],"o":{}}
                """));
        assertEquals("""
                name: alice
                when: "2026-11-27T10:00:00Z"
                "yes": "yes"
                num: "42"
                cpu: "500m"
                empty: ""
                url: "https://x.example.com/a#b"
                star: "*.example.org"
                dash: "-x"
                multi: "a\\nb"
                "n": 3.5
                b: false
                z: null
                list:
                  - cidr: "10.0.0.0/8"
                    ports:
                      - 443
                  - plain
                  - []
                o: {}
                """, yaml);
        assertEquals("[]\n", YamlText.of(json("[]")));
        assertEquals("- a\n- b\n", YamlText.of(json("[\"a\",\"b\"]")));
    }

    @Test
    void tablesPadColumnsShortenTimestampsAndJoinLists() {
        StringWriter out = new StringWriter();
        Table.print(List.of(
                        (JsonObject) json("{\"name\":\"alice\",\"tags\":[\"a\",\"b\"],\"at\":\"2026-11-27T10:00:00.123456Z\"}"),
                        (JsonObject) json("{\"name\":\"bob-the-builder\",\"at\":null}")),
                List.of(Column.of("NAME", "name"), Column.of("TAGS", "tags"), Column.of("AT", "at")), new PrintWriter(out));
        assertEquals("""
                NAME              TAGS   AT
                alice             a,b    2026-11-27T10:00:00Z
                bob-the-builder
                """, out.toString());
    }

    @Test
    void aResourceIsAListOfDottedFieldsWithItsNamedListAsATable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Output output = new Output(Format.table, new PrintWriter(out, true), new PrintWriter(err, true));
        output.value((JsonObject) json("""
                {"resource":"Tenant","summary":{"sourceCount":2,"driftCount":1},"skip":null,
                 "mismatches":[{"name":"alice","issue":"field-mismatch","fields":["team","email"]}]}
                """), "mismatches", List.of(Column.of("NAME", "name"), Column.of("ISSUE", "issue"), Column.of("FIELDS", "fields")));
        assertEquals("""
                resource:             Tenant
                summary.sourceCount:  2
                summary.driftCount:   1

                NAME    ISSUE            FIELDS
                alice   field-mismatch   team,email
                """, out.toString());
    }

    @Test
    void aPageWithMoreSaysHowToGetItOnStandardError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new Output(Format.table, new PrintWriter(out, true), new PrintWriter(err, true)).list((JsonObject) json(
                "{\"data\":[{\"name\":\"a\"}],\"pagination\":{\"limit\":1,\"hasMore\":true,\"nextCursor\":\"abc\"}}"),
                List.of(Column.of("NAME", "name")), "tenants");
        assertEquals("NAME\na\n", out.toString());
        assertEquals("more tenants: add --all, or --cursor abc\n", err.toString());

        StringWriter yaml = new StringWriter();
        new Output(Format.yaml, new PrintWriter(yaml, true), new PrintWriter(err, true)).list((JsonObject) json(
                "{\"data\":[],\"pagination\":{\"limit\":1,\"hasMore\":false}}"), List.of(), "tenants");
        assertEquals("data: []\npagination:\n  limit: 1\n  hasMore: false\n", yaml.toString());
    }
}
