package ai.opencrane.controlplane.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonReader;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads every JSON request body into its request record through {@link JsonBinder}: strict UTF-8,
 * exactly one JSON object with nothing after it and no repeated keys, no unknown fields. Size is bounded earlier by {@link BodyLimit}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<Record> {


    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        JsonValue value = parse(entity.readAllBytes());
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid("the request body must be a JSON object");
        }
        return JsonBinder.bind(value.asJsonObject(), (Class) type);
    }

    static JsonValue parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.invalid("a JSON request body is required");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("the request body is not valid UTF-8");
        }
        try {
            checkStructure(text);
            try (JsonReader reader = JsonMapping.JSON.createReader(new StringReader(text))) {
                return reader.readValue();
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException for syntax; the parser's depth limit throws a plain RuntimeException
            throw ApiException.invalid("the request body is not well-formed JSON (or is nested too deeply)");
        } catch (StackOverflowError e) {
            throw ApiException.invalid("the request body is nested too deeply");
        }
    }

    /**
     * One streaming pass that refuses what the reader would silently accept: an object repeating a key (the
     * reader keeps one value) and content after the first JSON value (the reader ignores it).
     */
    private static void checkStructure(String text) {
        Deque<Set<String>> keys = new ArrayDeque<>();
        try (JsonParser parser = JsonMapping.JSON.createParser(new StringReader(text))) {
            int depth = 0;
            boolean done = false;
            while (parser.hasNext()) {
                if (done) {
                    throw ApiException.invalid("the request body has content after the JSON value");
                }
                switch (parser.next()) {
                    case START_OBJECT -> {
                        keys.push(new HashSet<>());
                        depth++;
                    }
                    case START_ARRAY -> depth++;
                    case END_OBJECT -> {
                        keys.pop();
                        depth--;
                    }
                    case END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (!keys.peek().add(parser.getString())) {
                            throw ApiException.invalid("the request body repeats the key \"" + parser.getString() + "\"");
                        }
                    }
                    default -> { }
                }
                done = depth == 0;
            }
        }
    }
}
