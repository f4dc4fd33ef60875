package ai.opencrane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aSecretWrittenInPiecesIsStillMasked() throws Exception {
        Secrets secrets = new Secrets();
        secrets.add("s3cr3t-token");
        secrets.add("abc");
        StringWriter sink = new StringWriter();
        RedactingWriter w = new RedactingWriter(sink, secrets);
        w.write("token: s3cr");
        w.flush();
        assertEquals("", sink.toString(), "an unfinished line is held back");
        w.write("3t-token\nnext abc ");
        assertEquals("token: ****\n", sink.toString());
        w.drain();
        assertEquals("token: ****\nnext abc ", sink.toString(), "values shorter than four characters are not secrets");
    }
}
