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

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads every JSON request body into its request record through {@link JsonBinder}: strict UTF-8,
 * exactly one JSON object, no unknown fields. Size is bounded earlier by {@link BodyLimit}.
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
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for syntax; the parser's depth limit throws a plain RuntimeException
            throw ApiException.invalid("the request body is not well-formed JSON (or is nested too deeply)");
        } catch (StackOverflowError e) {
            throw ApiException.invalid("the request body is nested too deeply");
        }
    }
}
